// The history questions and their answers, for roles that only read the history.
import { Fragment } from 'preact';
import type { PatientHistory } from '../api';
import { ANSWER_LABELS, currentAnswers } from './history_rules';

export function HistoryAnswersList({ history }: { history: Pick<PatientHistory, 'questions' | 'answers'> }) {
  const answers = currentAnswers(history);
  return (
    <section class="panel history-questions" aria-labelledby="history-questions-heading">
      <h2 id="history-questions-heading">History questions</h2>
      <dl class="facts answers-list">
        {history.questions.map((question) => {
          const answer = answers[question.code] ?? 'unknown';
          return (
            <Fragment key={question.code}>
              <dt>{question.label}</dt>
              <dd class={`answer-${answer}`}>{ANSWER_LABELS[answer]}</dd>
            </Fragment>
          );
        })}
      </dl>
    </section>
  );
}
