// The screens and notices around the questions: the clinic's crisis message, the
// thank-you, and what a link that cannot be used says.
import type { Ref } from 'preact';
import type { LinkProblem } from './questionnaire_flow';

/**
 * The clinic's crisis-resources message, shown at once and above everything else
 * when the answers raised a risk signal (e.g. thoughts of self-harm).
 */
export function CrisisMessage({ messages, headingRef }: { messages: readonly string[]; headingRef: Ref<HTMLHeadingElement> }) {
  return (
    <section class="q-crisis" role="alert" aria-labelledby="q-crisis-heading">
      <h2 id="q-crisis-heading" ref={headingRef} tabIndex={-1}>
        Please read this now
      </h2>
      {messages.map((message) => (
        <p key={message} class="preserve-lines q-crisis-message">
          {message}
        </p>
      ))}
      <p>Your answers have been passed to the clinic's clinicians.</p>
    </section>
  );
}

export function ThankYou({ clinicName, headingRef }: { clinicName: string; headingRef: Ref<HTMLHeadingElement> }) {
  return (
    <section class="panel confirmation q-done" aria-labelledby="q-done-heading">
      <h1 id="q-done-heading" ref={headingRef} tabIndex={-1}>
        Thank you
      </h1>
      <p>Your answers have been sent to {clinicName}. You can close this page.</p>
    </section>
  );
}

const LINK_PROBLEMS: Record<LinkProblem, { title: string; detail: string }> = {
  not_found: {
    title: 'This link is not valid.',
    detail: 'Check that you opened the whole link from the message the clinic sent you, or contact the clinic for a new one.',
  },
  expired: { title: 'This link has expired.', detail: 'Please contact the clinic for a new one.' },
  used: { title: 'These questionnaires have already been completed.', detail: 'There is nothing more to do here. You can close this page.' },
};

export function LinkProblemNotice({ problem, headingRef }: { problem: LinkProblem; headingRef?: Ref<HTMLHeadingElement> | undefined }) {
  const { title, detail } = LINK_PROBLEMS[problem];
  return (
    <section class="panel q-link-problem" role="alert" aria-labelledby="q-problem-heading">
      <h1 id="q-problem-heading" ref={headingRef ?? null} tabIndex={-1}>
        {title}
      </h1>
      <p>{detail}</p>
    </section>
  );
}
