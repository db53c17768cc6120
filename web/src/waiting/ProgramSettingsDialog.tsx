// "Change places" (admin): a program's capacity and offer lifetime. More places
// make offers at once, to the next people who are cleared.
import { useState } from 'preact/hooks';
import type { WaitingProgram, WaitingProgramChange } from '../api';
import { ModalDialog } from '../ui/ModalDialog';
import { TextField } from '../ui/TextField';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { PROGRAM_FIELDS, checkProgram, programFrom, type ProgramDraft } from './waiting_form';
import { hoursText } from './waiting_rules';

interface ProgramSettingsDialogProps {
  program: WaitingProgram;
  /** Saves the change; throws ApiError (400 on field capacity or offer_hours, 403). */
  onSave: (change: WaitingProgramChange) => Promise<void>;
  onCancel: () => void;
}

export function ProgramSettingsDialog({ program, onSave, onCancel }: ProgramSettingsDialogProps) {
  const [draft, setDraft] = useState<ProgramDraft>({ name: program.name, capacity: String(program.capacity), offer_hours: String(program.offer_hours) });
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const set = (change: Partial<ProgramDraft>) => setDraft((d) => ({ ...d, ...change }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const [field, message] = Object.entries(checkProgram(draft, false))[0] ?? [];
    if (field && message) return setProblem({ field, message });
    const { capacity, offer_hours } = programFrom(draft);
    setPending(true);
    setProblem(null);
    try {
      await onSave({ capacity, offer_hours });
    } catch (e) {
      setProblem(problemFrom(e));
      setPending(false);
    }
  };

  const general = formError(problem, PROGRAM_FIELDS);
  return (
    <ModalDialog titleId="program-settings-title" descriptionId="program-settings-description" onEscape={onCancel}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="program-settings-title">Change places: {program.name}</h2>
        <p id="program-settings-description">
          {program.places_in_use} of {program.capacity} places in use; offers stay open {hoursText(program.offer_hours)}. More places make offers at once.
        </p>
        <TextField label="Places (capacity)" name="capacity" type="number" min="0" max="100000" step="1" value={draft.capacity} onValue={(capacity) => set({ capacity })} error={errorFor(problem, 'capacity')} required />
        <TextField label="Offer lifetime in hours" name="offer_hours" type="number" min="1" max="1440" step="1" value={draft.offer_hours} onValue={(offer_hours) => set({ offer_hours })} error={errorFor(problem, 'offer_hours')} required />
        {general && (
          <p class="form-error" role="alert">
            {general}
          </p>
        )}
        <div class="actions">
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
