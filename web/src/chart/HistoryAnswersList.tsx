// The history questions and their answers, for roles that only read the history.
// Pregnancy and breastfeeding show the date they were recorded beside the answer.
import { Fragment } from 'preact';
import type { PatientHistory } from '../api';
import { formatDate } from '../ui/format';
import { ANSWER_LABELS, currentAnswers } from './history_rules';

const DATED = new Set(['pregnant', 'breastfeeding']);

export function HistoryAnswersList({ history }: { history: Pick<PatientHistory, 'questions' | 'answers'> }) {
  const answers = currentAnswers(history);
  return (
    <section class="panel history-questions" aria-labelledby="history-questions-heading">
      <h2 id="history-questions-heading">History questions</h2>
      <dl class="facts answers-list">
        {history.questions.map((question) => {
          const answer = answers[question.code] ?? 'unknown';
          const recorded = DATED.has(question.code) ? history.answers.find((a) => a.question === question.code) : undefined;
          return (
            <Fragment key={question.code}>
              <dt>{question.label}</dt>
              <dd class={`answer-${answer}`}>
                {ANSWER_LABELS[answer]}
                {recorded && (
                  <span class="answer-date">
                    {' '}
                    (recorded <time dateTime={recorded.recorded_at}>{formatDate(recorded.recorded_at)}</time>)
                  </span>
                )}
              </dd>
            </Fragment>
          );
        })}
      </dl>
    </section>
  );
}
