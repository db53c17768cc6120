// One questionnaire being entered on the patient's behalf: all items on one page,
// "Save draft" (partial answers are fine) or "Submit" (every item answered). An
// amendment replaces a submitted response and needs a reason; it has no draft.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Instrument, MeasureResponse, NewMeasureResponse, RecordedMeasureResponse } from '../api';
import { useChartForm } from '../chart/use_chart_form';
import { formatDateTime } from '../ui/format';
import { TextArea } from '../ui/TextArea';
import { answerField, answeredCount, draftFrom, readAnswers, type AnswerDraft } from './answers_form';
import { QuestionnaireItems } from './QuestionnaireItems';

/** What the form is for: a new response, continuing a draft, or amending a submitted one. Make one with answersEntry(). */
export interface AnswersEntry {
  /** Unique per entry: a new entry gets a fresh form. */
  serial: number;
  instrument: Instrument;
  continues?: MeasureResponse | undefined;
  amends?: MeasureResponse | undefined;
  /** Move focus to the form's heading when it opens (it was opened from the responses list). */
  focus?: boolean;
}

let lastSerial = 0;
export function answersEntry(fields: Omit<AnswersEntry, 'serial'>): AnswersEntry {
  return { ...fields, serial: ++lastSerial };
}

interface AnswersFormProps {
  entry: AnswersEntry;
  /** Sends the response; throws ApiError (400 by field, 409). */
  onSave: (response: NewMeasureResponse) => Promise<RecordedMeasureResponse>;
  onCancel: () => void;
}

/** The server's limit for an amendment reason (docs/api.md). */
const REASON_MAX_LENGTH = 500;

export function AnswersForm({ entry, onSave, onCancel }: AnswersFormProps) {
  const { instrument, continues, amends } = entry;
  const [draft, setDraft] = useState<AnswerDraft>(() => draftFrom((amends ?? continues)?.answers ?? {}));
  const [reason, setReason] = useState('');
  const [responseId, setResponseId] = useState(continues?.id);
  const form = useChartForm([...instrument.items.map((i) => answerField(i.code)), 'amendment_reason']);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (entry.focus) heading.current?.focus();
  }, [entry.focus]);

  const answer = (code: string, value: string) => {
    setDraft((d) => ({ ...d, [code]: value }));
    form.clear(answerField(code));
  };

  const save = (submit: boolean) =>
    form.submit(
      () => {
        const read = readAnswers(instrument, draft, submit);
        if ('problem' in read) return read.problem;
        return amends && !reason.trim() ? { field: 'amendment_reason', message: 'Say why the submitted answers are being amended.' } : null;
      },
      async () => {
        const read = readAnswers(instrument, draft, submit);
        if ('problem' in read) return '';
        const body: NewMeasureResponse = { instrument: instrument.code, answers: read.answers, submit };
        if (responseId) body.response_id = responseId;
        if (amends) Object.assign(body, { amends: amends.id, amendment_reason: reason.trim() });
        const saved = await onSave(body);
        if (submit) return ''; // the panel closes the form and shows the result
        setResponseId(saved.response.id);
        return `Draft saved: ${answeredCount(instrument, draft)} of ${instrument.items.length} answered.`;
      },
    );

  const title = amends ? `Amend ${instrument.name} of ${formatDateTime(amends.submitted_at ?? amends.started_at)}` : continues ? `${instrument.name}: continue the draft started ${formatDateTime(continues.started_at)}` : instrument.title;
  return (
    <form
      ref={form.formRef}
      class="sub-form answers-form"
      noValidate
      aria-labelledby="answers-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        void save(true);
      }}
    >
      <h3 id="answers-form-heading" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      {instrument.instructions && <p class="instructions">{instrument.instructions}</p>}
      <QuestionnaireItems instrument={instrument} draft={draft} onAnswer={answer} errorFor={form.errorFor} />
      {amends && (
        <TextArea
          label="Reason for the amendment"
          name="amendment_reason"
          value={reason}
          onValue={(v) => {
            setReason(v);
            form.clear('amendment_reason');
          }}
          error={form.errorFor('amendment_reason')}
          hint="Kept with the new response, e.g. “Question 3 was entered wrongly.”"
          rows={2}
          maxLength={REASON_MAX_LENGTH}
          required
        />
      )}
      <p class="answered-count muted">
        {answeredCount(instrument, draft)} of {instrument.items.length} answered
      </p>
      {form.generalError && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {form.generalError}
        </p>
      )}
      <div class="form-footer">
        <button type="submit" disabled={form.pending}>
          {amends ? 'Submit amendment' : 'Submit'}
        </button>
        {!amends && (
          <button type="button" class="secondary" disabled={form.pending} onClick={() => void save(false)}>
            Save draft
          </button>
        )}
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
        <p role="status" class="form-status">
          {form.pending ? 'Saving…' : form.status}
        </p>
      </div>
    </form>
  );
}
