// "Show": which enquiries the queue lists (all open ones by default).
import type { EnquiryFilter } from '../api';
import { FILTER_CHOICES } from './enquiry_rules';

interface EnquiryStatusFilterProps {
  value: EnquiryFilter;
  onChange: (filter: EnquiryFilter) => void;
}

export function EnquiryStatusFilter({ value, onChange }: EnquiryStatusFilterProps) {
  const choose = (chosen: string) => {
    const choice = FILTER_CHOICES.find((c) => c.value === chosen);
    if (choice) onChange(choice.value);
  };
  return (
    <div class="field inline-field">
      <label for="enquiry-filter">Show</label>
      <select id="enquiry-filter" name="status" value={value} onChange={(e) => choose(e.currentTarget.value)}>
        {FILTER_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
