// The top of each step: which questionnaire of the link this is, its title, and
// the progress through it ("Question 3 of 9" and a progress bar).
import type { Instrument } from '../api';

/** Where the instrument sits in the link: "Questionnaire 2 of 3" when there are several. */
export interface StepPlace {
  number: number;
  count: number;
}

interface StepHeaderProps {
  instrument: Instrument;
  place: StepPlace;
  current: number;
  total: number;
  text: string;
}

export function StepHeader({ instrument, place, current, total, text }: StepHeaderProps) {
  const percent = total > 0 ? Math.round((current / total) * 100) : 100;
  return (
    <div class="q-step-header">
      {place.count > 1 && (
        <p class="q-place">
          Questionnaire {place.number} of {place.count}
        </p>
      )}
      <h1 class="q-title">{instrument.title}</h1>
      <p class="q-count">{text}</p>
      <div
        class="q-progress"
        role="progressbar"
        aria-label={`Progress through the ${instrument.name}`}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={current}
        aria-valuetext={text}
      >
        {/* Set through the CSSOM, which the strict CSP allows (a style attribute in markup it would not). */}
        <span class="q-progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
