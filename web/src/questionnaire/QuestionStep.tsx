// One question of an instrument: the instrument's instructions, then the question
// as a fieldset whose legend holds the question's heading (focus lands there on
// each move), its answers as native radio buttons (arrow keys move within them,
// Enter presses Next), and Back and Next.
import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { Instrument, InstrumentItem } from '../api';
import { choicesFor } from './questionnaire_flow';
import { StepHeader, type StepPlace } from './StepHeader';

interface QuestionStepProps {
  instrument: Instrument;
  place: StepPlace;
  index: number;
  value: number | undefined;
  onValue: (value: number | undefined) => void;
  /** The problem with this question's answer (none chosen, or the server's). */
  error: string | undefined;
  /** A problem with the whole step, e.g. the answers could not be saved. */
  general: string | undefined;
  pending: boolean;
  nextLabel: string;
  onNext: () => void;
  /** Absent on an instrument's first question. */
  onBack: (() => void) | undefined;
  savedUntil: string;
  headingRef: Ref<HTMLHeadingElement>;
  formRef: Ref<HTMLFormElement>;
}

export function QuestionStep(props: QuestionStepProps) {
  const { instrument, place, index, value, onValue, error, general, pending, nextLabel, onNext, onBack, savedUntil, headingRef, formRef } = props;
  const id = useId();
  const item = instrument.items[index];
  if (!item) return null;
  const count = instrument.items.length;
  const instructionsId = instrument.instructions ? `${id}-instructions` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <form
      ref={formRef}
      class="panel q-step"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onNext();
      }}
    >
      <StepHeader instrument={instrument} place={place} current={index + 1} total={count} text={`Question ${index + 1} of ${count}`} />
      {instrument.instructions && (
        <p id={instructionsId} class="q-instructions">
          {instrument.instructions}
        </p>
      )}
      <fieldset key={item.code} class="q-question" aria-describedby={[instructionsId, errorId].filter(Boolean).join(' ') || undefined}>
        <legend>
          <h2 ref={headingRef} tabIndex={-1} class="q-text">
            {item.text}
          </h2>
        </legend>
        <Answers item={item} value={value} onValue={onValue} invalid={Boolean(error)} />
        {error && (
          <p id={errorId} class="field-error q-error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
      {general && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {general}
        </p>
      )}
      <div class="q-nav">
        {onBack && (
          <button type="button" class="secondary" onClick={onBack} disabled={pending}>
            Back
          </button>
        )}
        <button type="submit" class="q-next" aria-disabled={pending ? 'true' : undefined}>
          {pending ? 'Saving…' : nextLabel}
        </button>
      </div>
      <p class="hint q-saved-note">Your answers are saved as you go: you can close this page and come back to it with the same link until {savedUntil}.</p>
    </form>
  );
}

interface AnswersProps {
  item: InstrumentItem;
  value: number | undefined;
  onValue: (value: number | undefined) => void;
  invalid: boolean;
}

/** The item's choices as radio buttons, or a number field for a long free range. */
function Answers({ item, value, onValue, invalid }: AnswersProps) {
  const choices = choicesFor(item);
  if (!choices) return <NumberAnswer item={item} value={value} onValue={onValue} invalid={invalid} />;
  const scale = item.options.length === 0;
  return (
    <div class={scale ? 'q-options q-scale' : 'q-options'}>
      {choices.map((choice) => (
        <label key={choice.value} class="q-option">
          <input type="radio" name={item.code} value={String(choice.value)} checked={value === choice.value} onChange={() => onValue(choice.value)} />
          <span>{choice.label}</span>
        </label>
      ))}
    </div>
  );
}

function NumberAnswer({ item, value, onValue, invalid }: AnswersProps) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  return (
    <div class="field q-number">
      <label for={id}>
        Your answer, a whole number from {item.min} to {item.max}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        name={item.code}
        min={item.min}
        max={item.max}
        step={1}
        value={text}
        aria-invalid={invalid ? 'true' : undefined}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          setText(typed);
          const n = typed.trim() === '' ? NaN : Number(typed);
          onValue(Number.isInteger(n) && n >= item.min && n <= item.max ? n : undefined);
        }}
      />
    </div>
  );
}
