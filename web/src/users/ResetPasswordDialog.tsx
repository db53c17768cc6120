// Asks for a new password for one user (POST /users/{id}/reset-password).
import { useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH, type User } from '../api';
import { ModalDialog } from '../ui/ModalDialog';
import { TextField } from '../ui/TextField';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';

interface ResetPasswordDialogProps {
  user: User;
  /** Sets the password; throws ApiError (validation_failed on field new_password). */
  onReset: (password: string) => Promise<void>;
  onCancel: () => void;
}

export function ResetPasswordDialog({ user, onReset, onCancel }: ResetPasswordDialogProps) {
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setPending(true);
    setProblem(null);
    try {
      await onReset(password);
    } catch (e) {
      setProblem(problemFrom(e));
      setPending(false);
    }
  };

  const generalError = formError(problem, ['new_password']);
  return (
    <ModalDialog titleId="reset-title" onEscape={onCancel}>
      <form onSubmit={onSubmit}>
        <h2 id="reset-title">Reset password for {user.display_name}</h2>
        <TextField
          label="New password"
          name="new_password"
          type="password"
          value={password}
          onValue={setPassword}
          error={errorFor(problem, 'new_password')}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
          minLength={MIN_PASSWORD_LENGTH}
          autoComplete="new-password"
          required
        />
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
            {pending ? 'Saving…' : 'Set password'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
