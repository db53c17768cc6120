// Baseline tests before treatment (clinical reference §4, CPSBC draft: ECG, liver
// and renal tests): the latest of each kind, every result newest first, and for
// editors a form to add one.
import { useState } from 'preact/hooks';
import { BASELINE_TEST_KINDS, type BaselineTest, type NewBaselineTest } from '../api';
import { formatDate, todayLocal } from '../ui/format';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { EnteredInErrorButton, EnteredInErrorNote, Struck, isValidEntry, useEnteredInError } from './EnteredInError';
import { FormFooter } from './FormFooter';
import { BASELINE_TEST_LABELS } from './record_rules';
import { useChartForm } from './use_chart_form';

interface BaselineTestsSectionProps {
  /** Newest first. */
  tests: readonly BaselineTest[];
  canEdit: boolean;
  onAdd: (test: NewBaselineTest) => Promise<void>;
  /** Marks it entered in error; throws ApiError. */
  onMarkError: (test: BaselineTest, reason: string) => Promise<void>;
}

export function BaselineTestsSection({ tests, canEdit, onAdd, onMarkError }: BaselineTestsSectionProps) {
  const marking = useEnteredInError((t: BaselineTest) => `the ${BASELINE_TEST_LABELS[t.kind]} of ${t.taken_on}`, onMarkError);
  const missing = BASELINE_TEST_KINDS.filter((kind) => !tests.some((t) => isValidEntry(t) && t.kind === kind));
  return (
    <section class="panel" aria-labelledby="baseline-tests-heading">
      <h2 id="baseline-tests-heading">Baseline tests</h2>
      {missing.length > 0 && <p class="muted">Not recorded yet: {missing.map((k) => BASELINE_TEST_LABELS[k]).join(', ')}.</p>}
      {tests.length > 0 && (
        <div class="table-scroll">
          <table class="chart-table baseline-tests-table">
            <thead>
              <tr>
                <th scope="col">Taken on</th>
                <th scope="col">Test</th>
                <th scope="col">Result</th>
                <th scope="col">Recorded</th>
                <th scope="col">
                  <span class="visually-hidden">Correction</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tests.map((t) => (
                <tr key={t.id} class={t.entered_in_error ? 'entered-in-error' : undefined}>
                  <th scope="row">
                    <time dateTime={t.taken_on}>{t.taken_on}</time>
                  </th>
                  <td>{BASELINE_TEST_LABELS[t.kind]}</td>
                  <td>
                    <Struck entry={t}>{t.result}</Struck>
                  </td>
                  <td class="event-by">
                    {formatDate(t.recorded_at)} by {t.recorded_by}
                  </td>
                  <td>
                    {t.entered_in_error && <EnteredInErrorNote mark={t.entered_in_error} />}
                    {canEdit && !t.entered_in_error && <EnteredInErrorButton what={`${BASELINE_TEST_LABELS[t.kind]} of ${t.taken_on}`} onClick={() => marking.open(t)} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && <AddBaselineTestForm onAdd={onAdd} />}
      {marking.dialog}
    </section>
  );
}

const FIELDS = ['kind', 'taken_on', 'result'] as const;
const KIND_CHOICES = BASELINE_TEST_KINDS.map((value) => ({ value, label: BASELINE_TEST_LABELS[value] }));
type Draft = Record<(typeof FIELDS)[number], string>;

function AddBaselineTestForm({ onAdd }: { onAdd: (test: NewBaselineTest) => Promise<void> }) {
  const [draft, setDraft] = useState<Draft>(() => ({ kind: '', taken_on: todayLocal(), result: '' }));
  const form = useChartForm(FIELDS);
  const set = (key: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.clear(key);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const kind = BASELINE_TEST_KINDS.find((k) => k === draft.kind);
    const result = draft.result.trim();
    void form.submit(
      () => {
        if (!kind) return { field: 'kind', message: 'Choose the test.' };
        if (!draft.taken_on) return { field: 'taken_on', message: 'Enter the date the test was taken.' };
        if (!result) return { field: 'result', message: 'Enter a short result.' };
        return null;
      },
      async () => {
        if (!kind) return '';
        await onAdd({ kind, taken_on: draft.taken_on, result });
        setDraft({ kind: '', taken_on: todayLocal(), result: '' });
        return `Added the ${BASELINE_TEST_LABELS[kind]} result.`;
      },
    );
  };
  return (
    <form ref={form.formRef} class="sub-form" onSubmit={onSubmit} noValidate aria-labelledby="add-baseline-test-heading">
      <h3 id="add-baseline-test-heading">Add baseline test</h3>
      <SelectField label="Test" name="kind" value={draft.kind} onValue={set('kind')} choices={KIND_CHOICES} placeholder="Choose a test" error={form.errorFor('kind')} required />
      <TextField label="Taken on" name="taken_on" type="date" max={todayLocal()} value={draft.taken_on} onValue={set('taken_on')} error={form.errorFor('taken_on')} required />
      <TextField label="Result" name="result" value={draft.result} onValue={set('result')} error={form.errorFor('result')} hint="A short summary, for example: Sinus rhythm, QTc 410 ms." autoComplete="off" maxLength={200} required />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Add baseline test" pendingLabel="Adding…" status={form.status} />
    </form>
  );
}
