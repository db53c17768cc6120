// "Add trial": drug, dose, how many weeks, and the response.
import { useState } from 'preact/hooks';
import { TRIAL_RESPONSES, type NewTreatmentTrial } from '../api';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { FormFooter } from './FormFooter';
import { TRIAL_RESPONSE_LABELS } from './history_rules';
import { useChartForm } from './use_chart_form';

const FIELDS = ['drug', 'dose', 'weeks', 'response'] as const;
/** The server's limits. */
const TEXT_MAX_LENGTH = 200;
const MAX_WEEKS = 520;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = { drug: '', dose: '', weeks: '', response: '' };
const RESPONSE_CHOICES = TRIAL_RESPONSES.map((value) => ({ value, label: TRIAL_RESPONSE_LABELS[value] }));

export function AddTrialForm({ onAdd }: { onAdd: (trial: NewTreatmentTrial) => Promise<void> }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const form = useChartForm(FIELDS);
  const set = (key: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.clear(key);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const drug = draft.drug.trim();
    const weeks = draft.weeks.trim();
    const response = TRIAL_RESPONSES.find((r) => r === draft.response);
    void form.submit(
      () => {
        if (!drug) return { field: 'drug', message: 'Enter the drug.' };
        if (!/^\d{1,3}$/.test(weeks) || Number(weeks) > MAX_WEEKS) return { field: 'weeks', message: `Enter how many weeks, as a whole number from 0 to ${MAX_WEEKS}.` };
        if (!response) return { field: 'response', message: 'Choose the response.' };
        return null;
      },
      async () => {
        if (!response) return '';
        await onAdd({ drug, dose: draft.dose.trim(), weeks: Number(weeks), response });
        setDraft(EMPTY);
        return `Added the ${drug} trial.`;
      },
    );
  };

  return (
    <form ref={form.formRef} class="sub-form" onSubmit={onSubmit} noValidate aria-labelledby="add-trial-heading">
      <h3 id="add-trial-heading">Add trial</h3>
      <TextField label="Drug" name="drug" value={draft.drug} onValue={set('drug')} error={form.errorFor('drug')} autoComplete="off" maxLength={TEXT_MAX_LENGTH} required />
      <TextField label="Dose" name="dose" value={draft.dose} onValue={set('dose')} error={form.errorFor('dose')} hint="For example: 20 mg daily." autoComplete="off" maxLength={TEXT_MAX_LENGTH} />
      <TextField label="Weeks" name="weeks" type="number" min="0" max={String(MAX_WEEKS)} step="1" value={draft.weeks} onValue={set('weeks')} error={form.errorFor('weeks')} required />
      <SelectField label="Response" name="response" value={draft.response} onValue={set('response')} choices={RESPONSE_CHOICES} placeholder="Choose the response" error={form.errorFor('response')} required />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Add trial" pendingLabel="Adding…" status={form.status} />
    </form>
  );
}
