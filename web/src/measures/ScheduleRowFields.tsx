// One row of the schedule editor: instrument, rule, start, end, and the days
// between follow-ups (only for the follow-up rule). Controls carry the server's
// field names ("entries[0].start") so an error shows and focuses at its field.
import type { Choice } from '../ui/ChoiceGroup';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { scheduleField, type ScheduleRow } from './schedule_form';

interface ScheduleRowFieldsProps {
  index: number;
  row: ScheduleRow;
  instruments: readonly Choice[];
  rules: readonly Choice[];
  errorFor: (field: string) => string | undefined;
  onChange: (fields: Partial<ScheduleRow>) => void;
  onRemove: () => void;
}

export function ScheduleRowFields({ index, row, instruments, rules, errorFor, onChange, onRemove }: ScheduleRowFieldsProps) {
  const field = (name: keyof Omit<ScheduleRow, 'key'>) => scheduleField(index, name);
  return (
    <li class="schedule-row">
      <fieldset>
        <legend class="visually-hidden">Schedule row {index + 1}</legend>
        <SelectField label="Questionnaire" name={field('instrument')} value={row.instrument} placeholder="Choose" choices={instruments} onValue={(instrument) => onChange({ instrument })} error={errorFor(field('instrument'))} required />
        <SelectField
          label="When due"
          name={field('rule')}
          value={row.rule}
          placeholder="Choose"
          choices={rules}
          onValue={(rule) => onChange({ rule: rule as ScheduleRow['rule'], ...(rule === 'follow_up' ? {} : { interval_days: '' }) })}
          error={errorFor(field('rule'))}
          required
        />
        <TextField label="Start" name={field('start')} type="date" value={row.start} onValue={(start) => onChange({ start })} error={errorFor(field('start'))} required />
        <TextField label="End (optional)" name={field('end')} type="date" value={row.end} onValue={(end) => onChange({ end })} error={errorFor(field('end'))} />
        {row.rule === 'follow_up' && (
          <TextField label="Days between" name={field('interval_days')} type="number" min="1" max="365" step="1" value={row.interval_days} onValue={(interval_days) => onChange({ interval_days })} error={errorFor(field('interval_days'))} required />
        )}
        <button type="button" class="secondary small-button remove-row" onClick={onRemove}>
          Remove row<span class="visually-hidden"> {index + 1}</span>
        </button>
      </fieldset>
    </li>
  );
}
