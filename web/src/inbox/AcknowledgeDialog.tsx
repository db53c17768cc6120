// "Acknowledge": the clinician documents what was done about a risk task (the
// server requires it). Escape or Cancel closes without a change.
import { useState } from 'preact/hooks';
import type { EscalationTask } from '../api';
import { ModalDialog } from '../ui/ModalDialog';
import { TextArea } from '../ui/TextArea';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { useFocusProblem } from '../ui/use_focus_problem';

/** The server's limit for the documented action. */
export const ACTION_MAX_LENGTH = 2000;

interface AcknowledgeDialogProps {
  task: EscalationTask;
  /** Acknowledges; throws ApiError (400 on field action, 409 already_acknowledged, 403). */
  onConfirm: (action: string) => Promise<void>;
  onCancel: () => void;
}

export function AcknowledgeDialog({ task, onConfirm, onCancel }: AcknowledgeDialogProps) {
  const [action, setAction] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const focus = useFocusProblem(() => problem?.field);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const trimmed = action.trim();
    if (!trimmed) {
      setProblem({ field: 'action', message: 'Describe what was done, e.g. who called the patient and the outcome.' });
      return focus.show();
    }
    setPending(true);
    setProblem(null);
    try {
      await onConfirm(trimmed);
    } catch (e) {
      setProblem(problemFrom(e));
      setPending(false);
      focus.show();
    }
  };

  const general = formError(problem, ['action']);
  return (
    <ModalDialog titleId="acknowledge-title" descriptionId="acknowledge-description" onEscape={onCancel}>
      <form ref={focus.formRef} onSubmit={onSubmit} noValidate>
        <h2 id="acknowledge-title">Acknowledge: {task.patient.name}</h2>
        <div id="acknowledge-description">
          <ul class="task-reasons">
            {task.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p class="hint">The action is kept with the task and in the audit log.</p>
        </div>
        <TextArea label="Action taken" name="action" value={action} onValue={setAction} error={errorFor(problem, 'action')} rows={4} maxLength={ACTION_MAX_LENGTH} required />
        {general && (
          <p class="form-error" role="alert" tabIndex={-1}>
            {general}
          </p>
        )}
        <div class="actions">
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Acknowledge'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
