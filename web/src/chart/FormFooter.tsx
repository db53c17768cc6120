// Under a chart form: the problem that is about no one field, the submit button,
// and the status line that says what was saved.
interface FormFooterProps {
  generalError: string | undefined;
  pending: boolean;
  label: string;
  pendingLabel: string;
  status: string;
}

export function FormFooter({ generalError, pending, label, pendingLabel, status }: FormFooterProps) {
  return (
    <>
      {generalError && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {generalError}
        </p>
      )}
      <div class="form-footer">
        <button type="submit" disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
        <p role="status" class="form-status">
          {status}
        </p>
      </div>
    </>
  );
}
