// Diagnoses (ICD-10-CM, from the clinic's pick list): the recorded ones, and for
// editors a pick list of the others to add.
import { useState } from 'preact/hooks';
import type { Diagnosis, DiagnosisChoice } from '../api';
import { formatDate } from '../ui/format';
import { SelectField } from '../ui/SelectField';
import { EnteredInErrorButton, EnteredInErrorNote, Struck, isValidEntry, useEnteredInError, validFirst } from './EnteredInError';
import { FormFooter } from './FormFooter';
import { useChartForm } from './use_chart_form';

interface DiagnosesSectionProps {
  diagnoses: readonly Diagnosis[];
  choices: readonly DiagnosisChoice[];
  canEdit: boolean;
  /** Adds the code; throws ApiError (400 on field code). */
  onAdd: (code: string) => Promise<void>;
  /** Marks it entered in error; throws ApiError. */
  onMarkError: (diagnosis: Diagnosis, reason: string) => Promise<void>;
}

export const diagnosisText = (d: DiagnosisChoice) => `${d.code} — ${d.label}`;

export function DiagnosesSection({ diagnoses, choices, canEdit, onAdd, onMarkError }: DiagnosesSectionProps) {
  const marking = useEnteredInError((d: Diagnosis) => `the diagnosis ${d.code}`, onMarkError);
  return (
    <section class="panel" aria-labelledby="diagnoses-heading">
      <h2 id="diagnoses-heading">Diagnoses</h2>
      {diagnoses.length === 0 ? (
        <p class="muted">No diagnoses recorded.</p>
      ) : (
        <ul class="event-list diagnoses">
          {validFirst(diagnoses).map((d) => (
            <li key={d.id} class={d.entered_in_error ? 'entered-in-error' : undefined}>
              <span class="event-text">
                <Struck entry={d}>{diagnosisText(d)}</Struck>
              </span>
              <span class="event-by">
                Recorded <time dateTime={d.recorded_at}>{formatDate(d.recorded_at)}</time>
              </span>
              {d.entered_in_error && <EnteredInErrorNote mark={d.entered_in_error} />}
              {canEdit && !d.entered_in_error && <EnteredInErrorButton what={d.code} onClick={() => marking.open(d)} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <AddDiagnosisForm choices={choices.filter((c) => !diagnoses.some((d) => isValidEntry(d) && d.code === c.code))} onAdd={onAdd} />}
      {marking.dialog}
    </section>
  );
}

function AddDiagnosisForm({ choices, onAdd }: Pick<DiagnosesSectionProps, 'choices' | 'onAdd'>) {
  const [code, setCode] = useState('');
  const form = useChartForm(['code']);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => (code ? null : { field: 'code', message: 'Choose a diagnosis from the list.' }),
      async () => {
        await onAdd(code);
        setCode('');
        return `Added ${code}.`;
      },
    );
  };
  return (
    <form ref={form.formRef} class="sub-form" onSubmit={onSubmit} noValidate aria-labelledby="add-diagnosis-heading">
      <h3 id="add-diagnosis-heading">Add diagnosis</h3>
      <SelectField
        label="Diagnosis (ICD-10-CM)"
        name="code"
        value={code}
        onValue={(value) => {
          setCode(value);
          form.clear('code');
        }}
        choices={choices.map((c) => ({ value: c.code, label: diagnosisText(c) }))}
        placeholder="Choose a diagnosis"
        error={form.errorFor('code')}
        required
      />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Add diagnosis" pendingLabel="Adding…" status={form.status} />
    </form>
  );
}
