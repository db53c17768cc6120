// A group of radio buttons (pick one) or checkboxes (pick any) in a fieldset whose
// legend names the question; the hint and the error are tied to the group.
import { useId } from 'preact/hooks';

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceGroupProps {
  legend: string;
  name: string;
  type: 'radio' | 'checkbox';
  choices: readonly Choice[];
  /** The chosen values (at most one for radio buttons). */
  selected: readonly string[];
  onSelected: (values: string[]) => void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  /** Lay the choices out in a row (short answers such as yes / no / unknown). */
  inline?: boolean;
}

export function ChoiceGroup({ legend, name, type, choices, selected, onSelected, error, hint, required, inline = false }: ChoiceGroupProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const choose = (value: string, checked: boolean) => {
    if (type === 'radio') return onSelected(checked ? [value] : []);
    // Keep the server's order, whatever order the boxes were ticked in.
    onSelected(choices.map((c) => c.value).filter((v) => (v === value ? checked : selected.includes(v))));
  };
  return (
    <fieldset class={inline ? 'field choice-group inline-choices' : 'field choice-group'} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <div class="choices">
        {choices.map((choice) => (
          <label key={choice.value} class="checkbox">
            <input
              type={type}
              name={name}
              value={choice.value}
              checked={selected.includes(choice.value)}
              required={type === 'radio' ? required : undefined}
              onChange={(e) => choose(choice.value, e.currentTarget.checked)}
            />
            {choice.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} class="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
