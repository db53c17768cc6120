// "Entered in error": how every list of the record corrects a mistaken entry. The
// entry is kept and shown struck through with who marked it, when and why; no rule
// counts it any more (the server leaves it out of screening, dosing and flags). The
// action asks for the reason in a dialog; a mark cannot be undone.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Correctable, EnteredInError } from '../api';
import { formatDate } from '../ui/format';
import { ModalDialog } from '../ui/ModalDialog';
import { problemFrom } from '../ui/form_problem';
import { TextArea } from '../ui/TextArea';

/** True for an entry that counts: not entered in error. */
export const isValidEntry = (entry: Correctable) => !entry.entered_in_error;

/** Valid entries first, in their order, then those entered in error. */
export function validFirst<T extends Correctable>(entries: readonly T[]): T[] {
  return [...entries.filter(isValidEntry), ...entries.filter((e) => !isValidEntry(e))];
}

/** The entry's text, struck through when it was entered in error. */
export function Struck({ entry, children }: { entry: Correctable; children: ComponentChildren }) {
  return entry.entered_in_error ? <s>{children}</s> : <>{children}</>;
}

export function EnteredInErrorNote({ mark }: { mark: EnteredInError }) {
  return (
    <span class="entered-in-error-note">
      Entered in error <time dateTime={mark.at}>{formatDate(mark.at)}</time> by {mark.by}: {mark.reason}
    </span>
  );
}

interface MarkButtonProps {
  /** What the entry is, for screen readers ("Penicillin"). */
  what: string;
  onClick: () => void;
}

export function EnteredInErrorButton({ what, onClick }: MarkButtonProps) {
  return (
    <button type="button" class="secondary small-button" onClick={onClick}>
      Entered in error<span class="visually-hidden"> for {what}</span>
    </button>
  );
}

interface DialogProps {
  what: string;
  /** Marks it; throws ApiError (400 on field reason, 409 when marked already). */
  onMark: (reason: string) => Promise<void>;
  onCancel: () => void;
}

export function EnteredInErrorDialog({ what, onMark, onCancel }: DialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  const mark = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError('Say why the entry is wrong.');
      return;
    }
    setPending(true);
    setError('');
    try {
      await onMark(reason.trim());
    } catch (e) {
      setError(problemFrom(e).message);
      setPending(false);
    }
  };
  return (
    <ModalDialog titleId="entered-in-error-title" descriptionId="entered-in-error-description" onEscape={onCancel}>
      <form onSubmit={(event) => void mark(event)} noValidate>
        <h2 id="entered-in-error-title">Mark {what} entered in error?</h2>
        <p id="entered-in-error-description">
          The chart keeps the entry, struck through, with your name and reason. It no longer counts for screening, doses or
          safety flags. This cannot be undone; record the right value as a new entry.
        </p>
        <TextArea label="Reason" name="reason" value={reason} onValue={setReason} error={error} maxLength={1000} rows={3} required />
        <div class="actions">
          <button type="button" class="secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" disabled={pending}>
            {pending ? 'Marking…' : 'Mark entered in error'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/**
 * The dialog state of one list: `open(entry)` shows the dialog for it; `dialog` is
 * the element to render (null when closed).
 */
export function useEnteredInError<T>(describe: (entry: T) => string, onMark: (entry: T, reason: string) => Promise<void>) {
  const [marking, setMarking] = useState<T | null>(null);
  const dialog =
    marking === null ? null : (
      <EnteredInErrorDialog
        what={describe(marking)}
        onMark={async (reason) => {
          await onMark(marking, reason);
          setMarking(null);
        }}
        onCancel={() => setMarking(null)}
      />
    );
  return { open: (entry: T) => setMarking(() => entry), dialog };
}
