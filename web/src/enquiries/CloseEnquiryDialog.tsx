// "Close enquiry": asks why, since a closed enquiry cannot be reopened.
import { useState } from 'preact/hooks';
import { ModalDialog } from '../ui/ModalDialog';
import { TextArea } from '../ui/TextArea';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';

/** The server's limit for a closing reason. */
const CLOSE_REASON_MAX_LENGTH = 500;

interface CloseEnquiryDialogProps {
  name: string;
  /** Closes the enquiry; throws ApiError (400 on field reason, 409 invalid_transition). */
  onClose: (reason: string) => Promise<void>;
  onCancel: () => void;
}

export function CloseEnquiryDialog({ name, onClose, onCancel }: CloseEnquiryDialogProps) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) return setProblem({ field: 'reason', message: 'Enter why the enquiry is being closed.' });
    setPending(true);
    setProblem(null);
    try {
      await onClose(trimmed);
    } catch (e) {
      setProblem(problemFrom(e));
      setPending(false);
    }
  };

  const generalError = formError(problem, ['reason']);
  return (
    <ModalDialog titleId="close-enquiry-title" descriptionId="close-enquiry-description" onEscape={onCancel}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id="close-enquiry-title">Close the enquiry from {name}</h2>
        <p id="close-enquiry-description">A closed enquiry stays closed. The reason is kept in its history.</p>
        <TextArea
          label="Reason for closing"
          name="reason"
          value={reason}
          onValue={setReason}
          error={errorFor(problem, 'reason')}
          hint="For example: not suitable for treatment, chose another clinic, no reply after three attempts."
          rows={3}
          maxLength={CLOSE_REASON_MAX_LENGTH}
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
            {pending ? 'Closing…' : 'Close enquiry'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
