// The history questions, each answered Yes, No or Unknown (admin, prescriber,
// nurse). Save sends only the answers that changed. Unknown is an answer in its
// own right: the screening treats it as a question still open, never as No.
import { useState } from 'preact/hooks';
import { HISTORY_ANSWERS, type HistoryAnswer, type PatientHistory, type RecordedAnswer } from '../api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { formatDateTime } from '../ui/format';
import { FormFooter } from './FormFooter';
import { ANSWER_LABELS, changedAnswers, currentAnswers } from './history_rules';
import { useChartForm } from './use_chart_form';

const CHOICES = HISTORY_ANSWERS.map((value) => ({ value, label: ANSWER_LABELS[value] }));

interface HistoryQuestionsFormProps {
  history: Pick<PatientHistory, 'questions' | 'answers'>;
  /** Records the changed answers; throws ApiError (400 on field answers). */
  onSave: (answers: Record<string, HistoryAnswer>) => Promise<void>;
}

export function HistoryQuestionsForm({ history, onSave }: HistoryQuestionsFormProps) {
  const saved = currentAnswers(history);
  const [edits, setEdits] = useState<Record<string, HistoryAnswer>>({});
  const form = useChartForm([]);
  const edited = { ...saved, ...edits };
  const changed = changedAnswers(saved, edited);
  const count = Object.keys(changed).length;
  const recorded = new Map(history.answers.map((a) => [a.question, a]));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => (count === 0 ? { message: 'No answer has changed, so there is nothing to save.' } : null),
      async () => {
        await onSave(changed);
        setEdits({});
        return `Saved ${count} ${count === 1 ? 'answer' : 'answers'}.`;
      },
    );
  };

  return (
    <form ref={form.formRef} class="panel history-questions" onSubmit={onSubmit} noValidate aria-labelledby="history-questions-heading">
      <h2 id="history-questions-heading">History questions</h2>
      <p class="hint">Choose Unknown when the question has not been asked or the answer is not known. Screening treats Unknown as still open, never as No.</p>
      {history.questions.map((question) => (
        <ChoiceGroup
          key={question.code}
          legend={question.label}
          name={`answer-${question.code}`}
          type="radio"
          inline
          choices={CHOICES}
          selected={[edited[question.code] ?? 'unknown']}
          onSelected={([value]) => {
            const answer = HISTORY_ANSWERS.find((a) => a === value);
            if (answer) setEdits((e) => ({ ...e, [question.code]: answer }));
          }}
          hint={answerHint(recorded.get(question.code), changed[question.code] === undefined ? undefined : saved[question.code])}
        />
      ))}
      <p class="unsaved-count">{count > 0 ? `${count} ${count === 1 ? 'answer' : 'answers'} changed, not saved yet.` : ''}</p>
      <FormFooter generalError={form.generalError} pending={form.pending} label="Save answers" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}

/** Says who recorded the answer and when, or, while changed, what it was. */
function answerHint(recorded: RecordedAnswer | undefined, savedWhileChanged: HistoryAnswer | undefined): string {
  if (savedWhileChanged !== undefined) return `Changed from ${ANSWER_LABELS[savedWhileChanged]}, not saved yet.`;
  if (!recorded) return 'Not asked yet.';
  return `Recorded ${formatDateTime(recorded.recorded_at)} by ${recorded.recorded_by}.`;
}
