// "Add program" (admin): a treatment program with a number of places and how long
// an offer of a place stays open.
import { useState } from 'preact/hooks';
import type { NewWaitingProgram } from '../api';
import { TextField } from '../ui/TextField';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { useFocusProblem } from '../ui/use_focus_problem';
import { PROGRAM_FIELDS, PROGRAM_NAME_MAX_LENGTH, checkProgram, programFrom, type ProgramDraft } from './waiting_form';

const EMPTY: ProgramDraft = { name: '', capacity: '', offer_hours: '48' };

interface AddProgramFormProps {
  /** Adds the program; throws ApiError (400 with a field, 409 when the name is taken). */
  onAdd: (program: NewWaitingProgram) => Promise<void>;
}

export function AddProgramForm({ onAdd }: AddProgramFormProps) {
  const [draft, setDraft] = useState<ProgramDraft>(EMPTY);
  const [problems, setProblems] = useState<Partial<Record<keyof ProgramDraft, string>>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const focus = useFocusProblem(() => PROGRAM_FIELDS.find((f) => problems[f] !== undefined || problem?.field === f));
  const set = (change: Partial<ProgramDraft>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found = checkProgram(draft, true);
    setProblems(found);
    setProblem(null);
    if (Object.keys(found).length > 0) return focus.show();
    setPending(true);
    try {
      await onAdd(programFrom(draft));
      setDraft(EMPTY);
    } catch (e) {
      setProblem(problemFrom(e));
      focus.show();
    } finally {
      setPending(false);
    }
  };

  const error = (field: keyof ProgramDraft) => problems[field] ?? errorFor(problem, field);
  const general = formError(problem, PROGRAM_FIELDS);
  return (
    <form ref={focus.formRef} class="panel" onSubmit={onSubmit} noValidate aria-labelledby="add-program-heading">
      <h2 id="add-program-heading">Add program</h2>
      <TextField label="Program name" name="name" value={draft.name} onValue={(name) => set({ name })} error={error('name')} maxLength={PROGRAM_NAME_MAX_LENGTH} autoComplete="off" required />
      <TextField label="Places (capacity)" name="capacity" type="number" min="0" max="100000" step="1" value={draft.capacity} onValue={(capacity) => set({ capacity })} error={error('capacity')} hint="How many people the program takes at once. 0 keeps everyone waiting." required />
      <TextField label="Offer lifetime in hours" name="offer_hours" type="number" min="1" max="1440" step="1" value={draft.offer_hours} onValue={(offer_hours) => set({ offer_hours })} error={error('offer_hours')} hint="How long a person has to answer an offer before it expires." required />
      {general && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {general}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add program'}
      </button>
    </form>
  );
}
