// The schedule editor's rows, kept as text, checked and turned into the entries
// the server takes (POST /patients/{id}/schedule replaces the whole schedule).
// Problems name the server's fields ("entries[2].end") so they show at the field.
import { SCHEDULE_RULES, type ScheduleEntry, type ScheduleRule } from '../api';
import type { FormProblem } from '../ui/form_problem';

export interface ScheduleRow {
  /** Stable while the row is on screen (Preact's key). */
  key: number;
  instrument: string;
  rule: ScheduleRule | '';
  start: string;
  end: string;
  interval_days: string;
}

export const scheduleField = (index: number, field: keyof Omit<ScheduleRow, 'key'>) => `entries[${index}].${field}`;

let nextKey = 1;
/** A row with a fresh key. */
export function newRow(fields: Partial<Omit<ScheduleRow, 'key'>> = {}): ScheduleRow {
  return { key: nextKey++, instrument: '', rule: '', start: '', end: '', interval_days: '', ...fields };
}

export function rowsFrom(schedule: readonly ScheduleEntry[]): ScheduleRow[] {
  return schedule.map((e) => newRow({ instrument: e.instrument, rule: e.rule, start: e.start, end: e.end ?? '', interval_days: e.rule === 'follow_up' ? String(e.interval_days) : '' }));
}

/** The date `days` after `date` (YYYY-MM-DD), by the calendar. */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/**
 * The clinic's usual schedule from `today`, for the user to adjust before saving:
 * PHQ-9 and GAD-7 at baseline, PHQ-9 weekly for 4 weeks, then monthly. A rule is
 * first due on its start date and then every 7 (weekly) or 28 (monthly) days
 * (docs/api.md, POST /patients/{id}/schedule), so the weekly PHQ-9 starts a week
 * after the baseline (due on days 7, 14, 21 and 28) and the monthly one 28 days
 * after the last weekly (day 56). Four weekly checks span an induction series: the
 * esketamine label's twice-weekly induction is weeks 1-4, an IV series about 12 days
 * (clinical reference §1; docs/clinical-defaults.md). Staff edit it to the plan.
 */
export function standardSchedule(today: string): ScheduleRow[] {
  return [
    newRow({ instrument: 'phq9', rule: 'baseline', start: today }),
    newRow({ instrument: 'gad7', rule: 'baseline', start: today }),
    newRow({ instrument: 'phq9', rule: 'weekly', start: addDays(today, 7), end: addDays(today, 28) }),
    newRow({ instrument: 'phq9', rule: 'monthly', start: addDays(today, 56) }),
  ];
}

/**
 * A schedule from the treatment plan's booked dosing sessions (dates, any order):
 * PHQ-9 and GAD-7 baselines today, a PHQ-9 before each session, weekly through the
 * induction series (its first `inductionSessions` sessions) and monthly in
 * maintenance, from 28 days after the last induction session. Null without sessions.
 */
export function planSchedule(today: string, sessionDates: readonly string[], inductionSessions: number): ScheduleRow[] | null {
  const sorted = [...new Set(sessionDates)].sort();
  const first = sorted[0];
  if (first === undefined) return null;
  const lastInduction = sorted[Math.max(0, Math.min(inductionSessions, sorted.length) - 1)] ?? first;
  const weeklyStart = addDays(first, 7);
  return [
    newRow({ instrument: 'phq9', rule: 'baseline', start: today }),
    newRow({ instrument: 'gad7', rule: 'baseline', start: today }),
    newRow({ instrument: 'phq9', rule: 'before_session', start: first }),
    ...(weeklyStart <= lastInduction ? [newRow({ instrument: 'phq9', rule: 'weekly', start: weeklyStart, end: lastInduction })] : []),
    newRow({ instrument: 'phq9', rule: 'monthly', start: addDays(lastInduction, 28) }),
  ];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRule = (rule: string): rule is ScheduleRule => (SCHEDULE_RULES as readonly string[]).includes(rule);

/** The entries to send, or the first problem. */
export function readSchedule(rows: readonly ScheduleRow[]): { entries: ScheduleEntry[] } | { problem: FormProblem } {
  const entries: ScheduleEntry[] = [];
  for (const [i, row] of rows.entries()) {
    const problem = (field: keyof Omit<ScheduleRow, 'key'>, message: string) => ({ problem: { field: scheduleField(i, field), message } });
    if (!row.instrument) return problem('instrument', 'Choose the questionnaire.');
    if (!isRule(row.rule)) return problem('rule', 'Choose when it is due.');
    if (!DATE.test(row.start)) return problem('start', 'Enter the start date.');
    if (row.end && !DATE.test(row.end)) return problem('end', 'Enter the end date, or leave it empty.');
    if (row.end && row.end < row.start) return problem('end', 'The end date must be on or after the start date.');
    let interval = 0;
    if (row.rule === 'follow_up') {
      interval = Number(row.interval_days);
      if (!Number.isInteger(interval) || interval < 1 || interval > 365) return problem('interval_days', 'Enter the days between follow-ups: a whole number from 1 to 365.');
    }
    entries.push({ instrument: row.instrument, rule: row.rule, start: row.start, end: row.end || null, interval_days: interval });
  }
  return { entries };
}
