// The buttons for what the server allows on one entry (allowed_actions). Actions
// that need a reason ask for it in a dialog first.
import { useState } from 'preact/hooks';
import type { WaitingAction, WaitingEntry } from '../api';
import { problemFrom } from '../ui/form_problem';
import { ActionReasonDialog } from './ActionReasonDialog';
import { entryActions, personName } from './waiting_rules';

interface EntryActionsProps {
  entry: Pick<WaitingEntry, 'id' | 'given_name' | 'family_name' | 'allowed_actions'>;
  /** Takes the action; throws ApiError (400 on field reason, 409 invalid_transition, 403). */
  onAction: (action: WaitingAction, reason: string) => Promise<void>;
}

export function EntryActions({ entry, onAction }: EntryActionsProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const [asking, setAsking] = useState<WaitingAction | null>(null);
  const actions = entryActions(entry.allowed_actions);
  if (actions.length === 0) return null;

  const take = async (action: WaitingAction, needsReason: boolean) => {
    if (needsReason) return setAsking(action);
    setPending(true);
    setError('');
    try {
      await onAction(action, '');
    } catch (e) {
      setError(problemFrom(e).message);
    } finally {
      setPending(false);
    }
  };

  const confirm = async (reason: string) => {
    if (!asking) return;
    await onAction(asking, reason); // the dialog shows a refusal
    setAsking(null);
  };

  const name = personName(entry);
  return (
    <div class="entry-actions">
      <div class="actions" role="group" aria-label={`Actions for ${name}`}>
        {actions.map((spec) => (
          <button key={spec.action} type="button" class={spec.secondary ? 'secondary small-button' : 'small-button'} disabled={pending} onClick={() => void take(spec.action, spec.needsReason)}>
            {spec.label}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {asking && <ActionReasonDialog action={asking} name={name} onConfirm={confirm} onCancel={() => setAsking(null)} />}
    </div>
  );
}
