// Asks why, for "Mark urgent" and "Remove from list" (the server requires a reason).
import { useState } from 'preact/hooks';
import type { WaitingAction } from '../api';
import { ModalDialog } from '../ui/ModalDialog';
import { TextArea } from '../ui/TextArea';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { REASON_PROMPTS } from './waiting_rules';

/** The server's limit for a reason. */
const REASON_MAX_LENGTH = 500;

interface ActionReasonDialogProps {
  action: WaitingAction;
  name: string;
  /** Takes the action; throws ApiError (400 on field reason, 409 invalid_transition, 403). */
  onConfirm: (reason: string) => Promise<void>;
  onCancel: () => void;
}

export function ActionReasonDialog({ action, name, onConfirm, onCancel }: ActionReasonDialogProps) {
  const prompt = REASON_PROMPTS[action] ?? { title: 'Give a reason', label: 'Reason', hint: '', submit: 'Confirm' };
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) return setProblem({ field: 'reason', message: 'Enter a reason: it is kept with the entry.' });
    setPending(true);
    setProblem(null);
    try {
      await onConfirm(trimmed);
    } catch (e) {
      setProblem(problemFrom(e));
      setPending(false);
    }
  };

  const generalError = formError(problem, ['reason']);
  return (
    <ModalDialog titleId="waiting-reason-title" descriptionId="waiting-reason-description" onEscape={onCancel}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="waiting-reason-title">
          {prompt.title}: {name}
        </h2>
        <p id="waiting-reason-description">{prompt.hint}</p>
        <TextArea label={prompt.label} name="reason" value={reason} onValue={setReason} error={errorFor(problem, 'reason')} rows={3} maxLength={REASON_MAX_LENGTH} required />
        {generalError && (
          <p class="form-error" role="alert">
            {generalError}
          </p>
        )}
        <div class="actions">
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" disabled={pending}>
            {pending ? 'Saving…' : prompt.submit}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
