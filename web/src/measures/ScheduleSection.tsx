// The patient's questionnaire schedule: a table for readers; for staff who may
// change it, rows to edit (instrument, rule, start, end, and days between
// follow-ups), "Add row", "Remove row", a "Standard schedule" or one "From the
// treatment plan" (its booked dosing sessions) to start from, and "Save schedule",
// which replaces the whole schedule.
import { useState } from 'preact/hooks';
import { SCHEDULE_RULES, type Instrument, type ScheduleEntry } from '../api';
import { useChartForm } from '../chart/use_chart_form';
import { todayLocal } from '../ui/format';
import { FormFooter } from '../chart/FormFooter';
import { instrumentName, periodText, RULE_LABELS, ruleText } from './measures_rules';
import { ScheduleRowFields } from './ScheduleRowFields';
import { newRow, planSchedule, readSchedule, rowsFrom, scheduleField, standardSchedule, type ScheduleRow } from './schedule_form';
import { problemFrom } from '../ui/form_problem';

interface ScheduleSectionProps {
  schedule: readonly ScheduleEntry[];
  catalogue: readonly Instrument[];
  /** Saves the schedule; throws ApiError (400 on fields such as entries[2].end). Undefined: read only. */
  onSave?: ((entries: ScheduleEntry[]) => Promise<void>) | undefined;
  /** The dates of the plan's booked dosing sessions and its induction length, or null without a plan. */
  loadPlanSessions?: (() => Promise<PlanSessions | null>) | undefined;
}

export interface PlanSessions {
  dates: string[];
  inductionSessions: number;
}

export function ScheduleSection({ schedule, catalogue, onSave, loadPlanSessions }: ScheduleSectionProps) {
  return (
    <section class="panel schedule" aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">Questionnaire schedule</h2>
      {onSave ? <ScheduleEditor schedule={schedule} catalogue={catalogue} onSave={onSave} loadPlanSessions={loadPlanSessions} /> : <ScheduleTable schedule={schedule} catalogue={catalogue} />}
    </section>
  );
}

function ScheduleTable({ schedule, catalogue }: Omit<ScheduleSectionProps, 'onSave'>) {
  if (schedule.length === 0) return <p class="muted">No schedule yet.</p>;
  return (
    <ul class="event-list">
      {schedule.map((e, i) => (
        <li key={i}>
          <strong>{instrumentName(catalogue, e.instrument)}</strong> · {ruleText(e)} · {periodText(e)}
        </li>
      ))}
    </ul>
  );
}

const RULE_CHOICES = SCHEDULE_RULES.map((rule) => ({ value: rule, label: RULE_LABELS[rule] }));

function ScheduleEditor({ schedule, catalogue, onSave, loadPlanSessions }: Omit<ScheduleSectionProps, 'onSave'> & { onSave: (entries: ScheduleEntry[]) => Promise<void> }) {
  const [rows, setRows] = useState<ScheduleRow[]>(() => rowsFrom(schedule));
  const [planNote, setPlanNote] = useState('');
  const fromPlan = async () => {
    if (!loadPlanSessions) return;
    setPlanNote('');
    try {
      const sessions = await loadPlanSessions();
      const planned = sessions ? planSchedule(todayLocal(), sessions.dates, sessions.inductionSessions) : null;
      if (planned) setRows(planned);
      setPlanNote(planned ? `Filled from ${sessions?.dates.length ?? 0} booked dosing sessions of the plan. Check it, then save.` : 'There are no booked dosing sessions of a treatment plan yet: book them from the Plan tab.');
    } catch (e) {
      setPlanNote(problemFrom(e).message);
    }
  };
  const form = useChartForm(rows.flatMap((_, i) => (['instrument', 'rule', 'start', 'end', 'interval_days'] as const).map((f) => scheduleField(i, f))));
  const instruments = catalogue.map((i) => ({ value: i.code, label: i.name }));
  const change = (index: number, fields: Partial<ScheduleRow>) => {
    setRows((rs) => rs.map((r, i) => (i === index ? { ...r, ...fields } : r)));
    for (const field of Object.keys(fields)) form.clear(scheduleField(index, field as keyof Omit<ScheduleRow, 'key'>));
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => {
        const read = readSchedule(rows);
        return 'problem' in read ? read.problem : null;
      },
      async () => {
        const read = readSchedule(rows);
        if ('problem' in read) return '';
        await onSave(read.entries);
        return read.entries.length === 0 ? 'Schedule cleared.' : `Schedule saved: ${read.entries.length} ${read.entries.length === 1 ? 'entry' : 'entries'}.`;
      },
    );
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="schedule-heading" class="schedule-form">
      <p class="hint">Saving replaces the whole schedule. The end date may stay empty (no end).</p>
      {rows.length === 0 && <p class="muted">No schedule yet. Add a row, or start from the standard schedule.</p>}
      <ol class="schedule-rows">
        {rows.map((row, i) => (
          <ScheduleRowFields
            key={row.key}
            index={i}
            row={row}
            instruments={instruments}
            rules={RULE_CHOICES}
            errorFor={form.errorFor}
            onChange={(fields) => change(i, fields)}
            onRemove={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
          />
        ))}
      </ol>
      <div class="actions schedule-actions">
        <button type="button" class="secondary" onClick={() => setRows((rs) => [...rs, newRow({ start: todayLocal() })])}>
          Add row
        </button>
        <button type="button" class="secondary" onClick={() => setRows(standardSchedule(todayLocal()))}>
          Standard schedule
        </button>
        {loadPlanSessions && (
          <button type="button" class="secondary" onClick={() => void fromPlan()}>
            From the treatment plan
          </button>
        )}
      </div>
      <FormFooter generalError={form.generalError} pending={form.pending} label="Save schedule" pendingLabel="Saving…" status={form.status} />
      <p role="status" class="notice-line">
        {planNote}
      </p>
    </form>
  );
}
