// "Add patient": given name, family name, date of birth.
import { useState } from 'preact/hooks';
import type { NewPatient } from '../api';
import { TextField } from '../ui/TextField';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { todayLocal } from '../ui/format';

const FIELDS = ['given_name', 'family_name', 'date_of_birth'] as const;
const EMPTY: NewPatient = { given_name: '', family_name: '', date_of_birth: '' };

interface AddPatientFormProps {
  /** Creates the patient; throws ApiError (validation_failed with a field). */
  onAdd: (patient: NewPatient) => Promise<void>;
}

export function AddPatientForm({ onAdd }: AddPatientFormProps) {
  const [patient, setPatient] = useState<NewPatient>(EMPTY);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const set = (key: keyof NewPatient) => (value: string) => setPatient((p) => ({ ...p, [key]: value }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      await onAdd({ ...patient, given_name: patient.given_name.trim(), family_name: patient.family_name.trim() });
      setPatient(EMPTY);
    } catch (e) {
      setProblem(problemFrom(e));
    } finally {
      setPending(false);
    }
  };

  const generalError = formError(problem, FIELDS);
  return (
    <form class="panel" onSubmit={onSubmit} aria-labelledby="add-patient-heading">
      <h2 id="add-patient-heading">Add patient</h2>
      <TextField label="Given name" name="given_name" value={patient.given_name} onValue={set('given_name')} error={errorFor(problem, 'given_name')} autoComplete="off" required />
      <TextField label="Family name" name="family_name" value={patient.family_name} onValue={set('family_name')} error={errorFor(problem, 'family_name')} autoComplete="off" required />
      <TextField label="Date of birth" name="date_of_birth" type="date" value={patient.date_of_birth} onValue={set('date_of_birth')} error={errorFor(problem, 'date_of_birth')} max={todayLocal()} required />
      {generalError && (
        <p class="form-error" role="alert">
          {generalError}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add patient'}
      </button>
    </form>
  );
}
