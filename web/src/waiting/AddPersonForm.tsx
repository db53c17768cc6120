// "Add person" (staff): someone who asked by phone or at the desk goes on the
// selected program's list. The pre-screen answers are the caller's own.
import { useState } from 'preact/hooks';
import type { WaitingPerson } from '../api';
import { useFocusProblem } from '../ui/use_focus_problem';
import { PersonFields } from './PersonFields';
import { EMPTY_PERSON, PERSON_FIELDS, checkPerson, errorsAfterChange, firstErrorField, personFrom, submitProblem, trimmedPerson, type PersonDraft, type PersonErrors } from './waiting_form';

interface AddPersonFormProps {
  programName: string;
  /** Adds the person; throws ApiError (400 with a field, 403). */
  onAdd: (person: WaitingPerson) => Promise<void>;
}

export function AddPersonForm({ programName, onAdd }: AddPersonFormProps) {
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_PERSON);
  const [errors, setErrors] = useState<PersonErrors>({});
  const [general, setGeneral] = useState('');
  const [pending, setPending] = useState(false);
  const focus = useFocusProblem(() => firstErrorField(errors));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const trimmed = trimmedPerson(draft);
    const found = checkPerson(trimmed);
    setErrors(found);
    setGeneral('');
    if (firstErrorField(found)) return focus.show();
    setPending(true);
    try {
      await onAdd(personFrom(trimmed));
      setDraft(EMPTY_PERSON);
    } catch (e) {
      const problem = submitProblem(e, PERSON_FIELDS);
      setErrors(problem.errors);
      setGeneral(problem.general);
      focus.show();
    } finally {
      setPending(false);
    }
  };

  return (
    <form ref={focus.formRef} class="panel" onSubmit={onSubmit} noValidate aria-labelledby="add-person-heading">
      <h2 id="add-person-heading">Add person to {programName}</h2>
      <p class="hint">For someone who asked by phone or in person. Ask the pre-screen questions as they are written.</p>
      <PersonFields
        draft={draft}
        onChange={(change, fields) => {
          setDraft((d) => ({ ...d, ...change }));
          setErrors((e) => errorsAfterChange(e, fields));
        }}
        errors={errors}
        audience="staff"
      />
      {general && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {general}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add person'}
      </button>
    </form>
  );
}
