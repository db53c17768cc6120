// A labelled drop-down, like TextField: optional hint, and an error tied to it for
// screen readers. With a placeholder, nothing is chosen until the user chooses.
import { useId } from 'preact/hooks';
import type { Choice } from './ChoiceGroup';

interface SelectFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  choices: readonly Choice[];
  /** The text of the empty first option (value ""). */
  placeholder?: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
}

export function SelectField({ label, name, value, onValue, choices, placeholder, error, hint, required }: SelectFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <select
        id={id}
        name={name}
        value={value}
        required={required}
        onChange={(event) => onValue(event.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
