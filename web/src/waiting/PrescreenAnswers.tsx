// The pre-screen answers and age, as a description list. "Yes" and "Unknown"
// are the answers a clinician looks at, so they stand out in weight, not only colour.
import { Fragment } from 'preact';
import type { WaitingEntry } from '../api';
import { ANSWER_LABELS, PRESCREEN_LABELS, PRESCREEN_QUESTIONS } from './waiting_rules';

export function PrescreenAnswers({ entry }: { entry: Pick<WaitingEntry, 'prescreen' | 'age_years'> }) {
  return (
    <dl class="facts prescreen-answers">
      {PRESCREEN_QUESTIONS.map((question) => {
        const answer = entry.prescreen[question];
        return (
          <Fragment key={question}>
            <dt>{PRESCREEN_LABELS[question].staff}</dt>
            <dd class={`answer-${answer}`}>{ANSWER_LABELS[answer].staff}</dd>
          </Fragment>
        );
      })}
      <dt>Age</dt>
      <dd>{entry.age_years === null ? <span class="muted">Not given</span> : `${entry.age_years} years`}</dd>
    </dl>
  );
}
