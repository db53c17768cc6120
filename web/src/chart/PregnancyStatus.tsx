// Pregnancy and breastfeeding as the history records them, each with the date it
// was recorded: a status is only as good as its date.
import { Fragment } from 'preact';
import type { PatientHistory } from '../api';
import { formatDate } from '../ui/format';
import { ANSWER_LABELS } from './history_rules';

const QUESTIONS = [
  ['pregnant', 'Pregnant'],
  ['breastfeeding', 'Breastfeeding'],
] as const;

export function PregnancyStatus({ history }: { history: Pick<PatientHistory, 'answers'> }) {
  return (
    <section class="panel" aria-labelledby="pregnancy-heading">
      <h2 id="pregnancy-heading">Pregnancy and breastfeeding</h2>
      <dl class="facts pregnancy-status">
        {QUESTIONS.map(([code, label]) => {
          const recorded = history.answers.find((a) => a.question === code);
          return (
            <Fragment key={code}>
              <dt>{label}</dt>
              <dd class={`answer-${recorded?.answer ?? 'unknown'}`}>
                {recorded ? (
                  <>
                    {ANSWER_LABELS[recorded.answer]}
                    <span class="answer-date">
                      {' '}
                      — recorded <time dateTime={recorded.recorded_at}>{formatDate(recorded.recorded_at)}</time> by {recorded.recorded_by}
                    </span>
                  </>
                ) : (
                  'Not asked yet'
                )}
              </dd>
            </Fragment>
          );
        })}
      </dl>
      <p class="hint">Recorded on the History tab.</p>
    </section>
  );
}
