// A labelled input with an optional hint and an error message tied to it for
// screen readers (aria-describedby, aria-invalid).
import type { InputHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

interface TextFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'search' | 'date' | 'number';
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: string;
  max?: string;
  step?: string;
  autoComplete?: string;
  list?: string;
}

export function TextField({ label, name, value, onValue, type = 'text', error, hint, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  // Preact types each input type separately; this one component serves several.
  const inputProps = { ...input, id, name, type, value } as InputHTMLAttributes;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <input
        {...inputProps}
        onInput={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
