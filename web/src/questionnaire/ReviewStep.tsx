// After an instrument's last question: every question with the chosen answer and a
// "Change" button, then Submit.
import type { Ref } from 'preact';
import type { Instrument, InstrumentAnswers } from '../api';
import { answerLabel } from './questionnaire_flow';
import { StepHeader, type StepPlace } from './StepHeader';

interface ReviewStepProps {
  instrument: Instrument;
  place: StepPlace;
  answers: Readonly<InstrumentAnswers>;
  onChange: (index: number) => void;
  onSubmit: () => void;
  general: string | undefined;
  pending: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  formRef: Ref<HTMLFormElement>;
}

export function ReviewStep({ instrument, place, answers, onChange, onSubmit, general, pending, headingRef, formRef }: ReviewStepProps) {
  const count = instrument.items.length;
  return (
    <form
      ref={formRef}
      class="panel q-step q-review"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onSubmit();
      }}
    >
      <StepHeader instrument={instrument} place={place} current={count} total={count} text={`All ${count} questions answered`} />
      <h2 ref={headingRef} tabIndex={-1} class="q-text">
        Check your answers
      </h2>
      <p>You can change any answer before you press Submit.</p>
      <ol class="q-review-list">
        {instrument.items.map((item, index) => (
          <li key={item.code} class="q-review-item">
            <p class="q-review-question">
              <span class="q-review-number">Question {index + 1}</span> {item.text}
            </p>
            <p class="q-review-answer">{answerLabel(item, answers[item.code])}</p>
            <button type="button" class="secondary q-change" onClick={() => onChange(index)} disabled={pending}>
              Change<span class="visually-hidden"> answer to question {index + 1}</span>
            </button>
          </li>
        ))}
      </ol>
      {general && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {general}
        </p>
      )}
      <div class="q-nav">
        <button type="submit" class="q-next" aria-disabled={pending ? 'true' : undefined}>
          {pending ? 'Sending…' : 'Submit'}
        </button>
      </div>
    </form>
  );
}
