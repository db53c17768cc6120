// "Stop medication": asks first, since a stopped medication cannot be restarted
// (add it again instead) and stopping one can clear a safety flag.
import { useState } from 'preact/hooks';
import type { Medication } from '../api';
import { ModalDialog } from '../ui/ModalDialog';
import { problemFrom } from '../ui/form_problem';
import { medicationClassLabel } from './history_rules';

interface StopMedicationDialogProps {
  medication: Medication;
  /** Stops it; throws ApiError. */
  onStop: () => Promise<void>;
  onCancel: () => void;
}

export function StopMedicationDialog({ medication, onStop, onCancel }: StopMedicationDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const stop = async () => {
    setPending(true);
    setError('');
    try {
      await onStop();
    } catch (e) {
      setError(problemFrom(e).message);
      setPending(false);
    }
  };
  return (
    <ModalDialog titleId="stop-medication-title" descriptionId="stop-medication-description" onEscape={onCancel}>
      <h2 id="stop-medication-title">Stop {medication.name}?</h2>
      <p id="stop-medication-description">
        The chart keeps it as stopped today ({medicationClassLabel(medication.class)}
        {medication.dose ? `, ${medication.dose}` : ''}). To take it up again, add it again.
      </p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" onClick={() => void stop()} disabled={pending}>
          {pending ? 'Stopping…' : 'Stop medication'}
        </button>
      </div>
    </ModalDialog>
  );
}
