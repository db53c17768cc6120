// Takes the patient through the link's instruments in order, skipping submitted
// ones: one question at a time, saving the answers so far on each Next (so the
// patient can close the page and resume), then a review with "Change" per question,
// then Submit. Focus moves to each new question's heading and a polite live region
// announces the progress. A crisis message from the server is shown at once, above
// everything, and keeps its place until the page is closed.
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient, type Instrument, type InstrumentAnswers, type PublicAnswersSaved, type PublicQuestionnaire } from '../api';
import { problemFrom } from '../ui/form_problem';
import { useFocusProblem } from '../ui/use_focus_problem';
import { CrisisMessage, LinkProblemNotice, ThankYou } from './Notices';
import { QuestionStep } from './QuestionStep';
import { ReviewStep } from './ReviewStep';
import { acceptedAnswers, choicesFor, firstUnanswered, itemOfField, linkProblemOf, resumePosition, type LinkProblem, type Position } from './questionnaire_flow';

interface QuestionnaireRunnerProps {
  api: ApiClient;
  clinicId: string;
  token: string;
  questionnaire: PublicQuestionnaire;
}

/** A problem on the current step: about one question (its index), or the whole step. */
interface StepProblem {
  item?: number;
  message: string;
}

type Ending = LinkProblem | 'complete';
type FocusTarget = 'step' | 'crisis';

export function QuestionnaireRunner({ api, clinicId, token, questionnaire }: QuestionnaireRunnerProps) {
  const { instruments } = questionnaire;
  const [answers, setAnswers] = useState<Record<string, InstrumentAnswers>>(() =>
    Object.fromEntries(instruments.map((i) => [i.code, acceptedAnswers(i, questionnaire.answers[i.code])])),
  );
  const [submitted, setSubmitted] = useState<string[]>(questionnaire.submitted);
  const [position, setPosition] = useState<Position | undefined>(() => resumePosition(instruments, questionnaire.answers, questionnaire.submitted));
  const [ending, setEnding] = useState<Ending | undefined>(() => (position ? undefined : 'used'));
  const [returnToReview, setReturnToReview] = useState(false);
  const [problem, setProblem] = useState<StepProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [crisis, setCrisis] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<{ target: FocusTarget; n: number }>({ target: 'step', n: 0 });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const crisisRef = useRef<HTMLHeadingElement>(null);

  const instrument = position && instruments.find((i) => i.code === position.instrument);
  const focusProblem = useFocusProblem(() => (problem?.item === undefined ? undefined : instrument?.items[problem.item]?.code));

  useEffect(() => {
    if (focusRequest.n === 0) return; // not on arrival: only after the patient moves
    (focusRequest.target === 'crisis' ? crisisRef : headingRef).current?.focus();
  }, [focusRequest]);
  const requestFocus = (target: FocusTarget) => setFocusRequest((f) => ({ target, n: f.n + 1 }));

  const describe = (next: Position): string => {
    const target = instruments.find((i) => i.code === next.instrument);
    if (!target) return '';
    const prefix = instruments.length > 1 ? `${target.name}: ` : '';
    const count = target.items.length;
    return next.question < count ? `${prefix}Question ${next.question + 1} of ${count}` : `${prefix}Check your answers`;
  };

  const moveTo = (next: Position, { review = false, focus = 'step', before = '' }: { review?: boolean; focus?: FocusTarget; before?: string } = {}) => {
    setPosition(next);
    setReturnToReview(review);
    setProblem(null);
    setAnnouncement(`${before}${describe(next)}`);
    requestFocus(focus);
  };

  const end = (how: Ending, focus: FocusTarget = 'step') => {
    setPosition(undefined);
    setEnding(how);
    setProblem(null);
    setAnnouncement(how === 'complete' ? 'Your answers have been sent.' : '');
    requestFocus(focus);
  };

  /** After an instrument is submitted: the next open one, or the end. */
  const afterSubmit = (code: string, saved: PublicAnswersSaved) => {
    const nowSubmitted = [...new Set([...submitted, ...saved.submitted, code])];
    setSubmitted(nowSubmitted);
    const message = saved.crisis_message?.trim();
    if (message) setCrisis((shown) => (shown.includes(message) ? shown : [...shown, message]));
    const focus: FocusTarget = message ? 'crisis' : 'step';
    const next = saved.complete ? undefined : resumePosition(instruments, answers, nowSubmitted);
    if (next) moveTo(next, { focus, before: 'Answers sent. ' });
    else end('complete', focus);
  };

  const fail = (error: unknown, failed: Instrument, verb: 'saved' | 'sent') => {
    const link = linkProblemOf(error);
    if (link) return end(link);
    if (error instanceof ApiError && error.code === 'already_submitted') {
      return afterSubmit(failed.code, { submitted: [failed.code], complete: false, crisis_message: null });
    }
    const found = problemFrom(error);
    const item = itemOfField(failed, found.field);
    if (item !== undefined) {
      setPosition({ instrument: failed.code, question: item });
      setReturnToReview(verb === 'sent');
      setProblem({ item, message: found.message });
    } else if (error instanceof ApiError && error.status === 0) {
      setProblem({ message: `The clinic's server could not be reached, so your answers were not ${verb}. Check your internet connection and try again.` });
    } else {
      setProblem({ message: `Your answers were not ${verb}. ${found.message}` });
    }
    focusProblem.show();
  };

  if (ending === 'complete') return <Frame announcement={announcement} crisis={crisis} crisisRef={crisisRef} main={<ThankYou clinicName={questionnaire.clinic.name} headingRef={headingRef} />} />;
  if (ending || !position || !instrument) {
    return <Frame announcement={announcement} crisis={crisis} crisisRef={crisisRef} main={<LinkProblemNotice problem={ending ?? 'used'} headingRef={headingRef} />} />;
  }

  const current = answers[instrument.code] ?? {};
  const place = { number: instruments.indexOf(instrument) + 1, count: instruments.length };
  const count = instrument.items.length;

  const save = async (submit: boolean): Promise<PublicAnswersSaved | undefined> => {
    setPending(true);
    setProblem(null);
    try {
      return await api.savePublicAnswers(clinicId, token, instrument.code, current, submit);
    } catch (error) {
      fail(error, instrument, submit ? 'sent' : 'saved');
      return undefined;
    } finally {
      setPending(false);
    }
  };

  const onNext = async () => {
    const item = instrument.items[position.question];
    if (!item) return;
    if (current[item.code] === undefined) {
      const message = choicesFor(item) ? 'Choose an answer to continue.' : `Enter a whole number from ${item.min} to ${item.max} to continue.`;
      setProblem({ item: position.question, message });
      focusProblem.show();
      return;
    }
    if (!(await save(false))) return;
    const next = returnToReview ? firstUnanswered(instrument, current) : position.question + 1;
    moveTo({ instrument: instrument.code, question: next }, { review: returnToReview && next < count });
  };

  const onSubmit = async () => {
    const unanswered = firstUnanswered(instrument, current);
    if (unanswered < count) {
      setPosition({ instrument: instrument.code, question: unanswered });
      setReturnToReview(true);
      setProblem({ item: unanswered, message: 'Choose an answer to continue.' });
      focusProblem.show();
      return;
    }
    const saved = await save(true);
    if (saved) afterSubmit(instrument.code, saved);
  };

  const onValue = (value: number | undefined) => {
    const item = instrument.items[position.question];
    if (!item) return;
    setAnswers((all) => {
      const rest = Object.fromEntries(Object.entries(all[instrument.code] ?? {}).filter(([code]) => code !== item.code));
      return { ...all, [instrument.code]: value === undefined ? rest : { ...rest, [item.code]: value } };
    });
    if (value !== undefined && problem?.item === position.question) setProblem(null);
  };

  const step =
    position.question < count ? (
      <QuestionStep
        instrument={instrument}
        place={place}
        index={position.question}
        value={current[instrument.items[position.question]?.code ?? '']}
        onValue={onValue}
        error={problem?.item === position.question ? problem.message : undefined}
        general={problem && problem.item === undefined ? problem.message : undefined}
        pending={pending}
        nextLabel={returnToReview ? 'Save and review' : position.question === count - 1 ? 'Review answers' : 'Next'}
        onNext={onNext}
        onBack={position.question > 0 ? () => moveTo({ instrument: instrument.code, question: position.question - 1 }) : undefined}
        savedUntil={untilText(questionnaire.expires_at)}
        headingRef={headingRef}
        formRef={focusProblem.formRef}
      />
    ) : (
      <ReviewStep
        instrument={instrument}
        place={place}
        answers={current}
        onChange={(index) => moveTo({ instrument: instrument.code, question: index }, { review: true })}
        onSubmit={onSubmit}
        general={problem?.message}
        pending={pending}
        headingRef={headingRef}
        formRef={focusProblem.formRef}
      />
    );
  return <Frame announcement={announcement} crisis={crisis} crisisRef={crisisRef} main={step} />;
}

interface FrameProps {
  announcement: string;
  crisis: readonly string[];
  crisisRef: Ref<HTMLHeadingElement>;
  main: ComponentChildren;
}

/** The live region, the crisis message when there is one, then the step. */
function Frame({ announcement, crisis, crisisRef, main }: FrameProps) {
  return (
    <>
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {crisis.length > 0 && <CrisisMessage messages={crisis} headingRef={crisisRef} />}
      {main}
    </>
  );
}

/** "21 November 2026 at 15:55" in the patient's own locale and time zone. */
function untilText(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return 'the link expires';
  return t.toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
