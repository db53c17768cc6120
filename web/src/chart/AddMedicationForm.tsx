// "Add medication": name, interacting class ("None" is a choice to make, not a
// default), and dose.
import { useState } from 'preact/hooks';
import type { MedicationClass, NewMedication } from '../api';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { FormFooter } from './FormFooter';
import { medicationClassLabel } from './history_rules';
import { useChartForm } from './use_chart_form';

const FIELDS = ['name', 'class', 'dose'] as const;
/** The server's limit for a name and a dose. */
const TEXT_MAX_LENGTH = 200;
interface Draft {
  name: string;
  class: MedicationClass | '';
  dose: string;
}
const EMPTY: Draft = { name: '', class: '', dose: '' };

interface AddMedicationFormProps {
  classes: readonly MedicationClass[];
  /** Adds it; throws ApiError (400 with a field). */
  onAdd: (medication: NewMedication) => Promise<void>;
}

export function AddMedicationForm({ classes, onAdd }: AddMedicationFormProps) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const form = useChartForm(FIELDS);
  const set = (key: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.clear(key);
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const name = draft.name.trim();
    const chosen = classes.find((c) => c === draft.class);
    void form.submit(
      () =>
        !name
          ? { field: 'name', message: 'Enter the medication’s name.' }
          : !chosen
            ? { field: 'class', message: 'Choose the class, or None when it does not interact with ketamine.' }
            : null,
      async () => {
        if (!chosen) return '';
        await onAdd({ name, class: chosen, dose: draft.dose.trim() });
        setDraft(EMPTY);
        return `Added ${name}.`;
      },
    );
  };

  return (
    <form ref={form.formRef} class="sub-form" onSubmit={onSubmit} noValidate aria-labelledby="add-medication-heading">
      <h3 id="add-medication-heading">Add medication</h3>
      <TextField label="Medication name" name="name" value={draft.name} onValue={set('name')} error={form.errorFor('name')} autoComplete="off" maxLength={TEXT_MAX_LENGTH} required />
      <SelectField
        label="Class"
        name="class"
        value={draft.class}
        onValue={set('class')}
        choices={classes.map((c) => ({ value: c, label: medicationClassLabel(c) }))}
        placeholder="Choose a class"
        hint="The classes that interact with ketamine. Choose None for any other medicine."
        error={form.errorFor('class')}
        required
      />
      <TextField label="Dose" name="dose" value={draft.dose} onValue={set('dose')} error={form.errorFor('dose')} hint="For example: 1 mg twice a day." autoComplete="off" maxLength={TEXT_MAX_LENGTH} />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Add medication" pendingLabel="Adding…" status={form.status} />
    </form>
  );
}
