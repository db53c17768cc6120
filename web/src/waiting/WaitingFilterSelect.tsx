// "Show": the active entries (the default) or all of them.
import type { WaitingFilter } from '../api';
import { FILTER_CHOICES } from './waiting_rules';

interface WaitingFilterSelectProps {
  value: WaitingFilter;
  onChange: (filter: WaitingFilter) => void;
}

export function WaitingFilterSelect({ value, onChange }: WaitingFilterSelectProps) {
  const choose = (chosen: string) => {
    const choice = FILTER_CHOICES.find((c) => c.value === chosen);
    if (choice) onChange(choice.value);
  };
  return (
    <div class="field inline-field">
      <label for="waiting-filter">Show</label>
      <select id="waiting-filter" name="status" value={value} onChange={(e) => choose(e.currentTarget.value)}>
        {FILTER_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
