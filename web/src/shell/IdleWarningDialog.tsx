// "You will be signed out in N s": shown for the last minute of an idle session.
import { useState } from 'preact/hooks';
import { ModalDialog } from '../ui/ModalDialog';
import { problemFrom } from '../ui/form_problem';

interface IdleWarningDialogProps {
  secondsLeft: number;
  onStaySignedIn: () => Promise<void>;
}

export function IdleWarningDialog({ secondsLeft, onStaySignedIn }: IdleWarningDialogProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const stay = async () => {
    setPending(true);
    setError('');
    try {
      await onStaySignedIn();
    } catch (e) {
      setError(problemFrom(e).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <ModalDialog role="alertdialog" titleId="idle-title" descriptionId="idle-description">
      <h2 id="idle-title">Are you still there?</h2>
      <p id="idle-description">You will be signed out in {secondsLeft} s because of inactivity.</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={stay} disabled={pending}>
          Stay signed in
        </button>
      </div>
    </ModalDialog>
  );
}
