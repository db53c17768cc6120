// How the Measures screens name and order things: instrument names from the
// catalogue, schedule rules, response status and source, the outcome's change,
// and the due list's order (overdue first, then by due date).
import type { DueQuestionnaire, Instrument, MeasureResponse, OutcomeSummary, ScheduleEntry, ScheduleRule } from '../api';

/** The instrument's short name ("PHQ-9"); the code in capitals if the catalogue lacks it. */
export function instrumentName(catalogue: readonly Instrument[], code: string): string {
  return catalogue.find((i) => i.code === code)?.name ?? code.toUpperCase();
}

export const RULE_LABELS: Record<ScheduleRule, string> = {
  baseline: 'Baseline',
  before_session: 'Before each session',
  weekly: 'Weekly',
  monthly: 'Monthly',
  follow_up: 'Follow-up',
};

/** A schedule entry's rule in words: "Weekly", "Follow-up every 14 days". */
export function ruleText(entry: Pick<ScheduleEntry, 'rule' | 'interval_days'>): string {
  if (entry.rule === 'follow_up' && entry.interval_days > 0) return `Follow-up every ${entry.interval_days} ${entry.interval_days === 1 ? 'day' : 'days'}`;
  return RULE_LABELS[entry.rule];
}

/** A schedule entry's dates: "from 2026-11-21 to 2026-12-19", or "from 2026-11-21" when open-ended. */
export function periodText(entry: Pick<ScheduleEntry, 'start' | 'end'>): string {
  return entry.end ? `from ${entry.start} to ${entry.end}` : `from ${entry.start}`;
}

const MINUS = '\u2212';
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `${MINUS}${-n}` : '0');

/** "−14 points (−77.8%)"; null when there is no change to tell. */
export function changeText(outcome: Pick<OutcomeSummary, 'change' | 'percent_change'>): string | null {
  if (outcome.change === null) return null;
  const points = `${signed(outcome.change)} ${Math.abs(outcome.change) === 1 ? 'point' : 'points'}`;
  if (outcome.percent_change === null) return points;
  // Halves round away from zero, the same way for a fall and a rise (−43.75 → −43.8).
  const percent = (Math.sign(outcome.percent_change) * Math.round(Math.abs(outcome.percent_change) * 10)) / 10;
  return `${points} (${signed(percent)}%)`;
}

/** The outcome's badges, in the order they show. */
export function outcomeBadges(outcome: Pick<OutcomeSummary, 'response' | 'remission' | 'meaningful_change'>): string[] {
  return [...(outcome.response ? ['Response'] : []), ...(outcome.remission ? ['Remission'] : []), ...(outcome.meaningful_change ? ['Meaningful change'] : [])];
}

/** Overdue first, then by due date, then by instrument (a stable order for the eye). */
export function sortDue<T extends Pick<DueQuestionnaire, 'overdue' | 'due_on' | 'instrument'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due_on.localeCompare(b.due_on) || a.instrument.localeCompare(b.instrument));
}

/** "Missed 2 earlier due dates", or "" when none was missed. */
export function missedText(missed: number): string {
  if (missed <= 0) return '';
  return `Missed ${missed} earlier ${missed === 1 ? 'due date' : 'due dates'}`;
}

export const STATUS_LABELS: Record<MeasureResponse['status'], string> = { in_progress: 'In progress', submitted: 'Submitted' };
export const SOURCE_LABELS: Record<MeasureResponse['source'], string> = { staff: 'Staff', link: 'Patient, by link' };

/** The response's total and band: "18 (Moderately severe)", or "—" before it is scored. */
export function scoreText(response: Pick<MeasureResponse, 'total' | 'band'>): string {
  if (response.total === null) return '—';
  return response.band ? `${response.total} (${response.band})` : String(response.total);
}

/** The staff member's in-progress response to continue for an instrument (newest first), if any. */
export function draftToContinue(responses: readonly MeasureResponse[], instrument: string): MeasureResponse | undefined {
  return responses.find((r) => r.instrument === instrument && r.status === 'in_progress' && r.source === 'staff');
}

/** The instruments a patient may complete by link (the catalogue's order). */
export function linkableInstruments(catalogue: readonly Instrument[]): Instrument[] {
  return catalogue.filter((i) => i.completion === 'patient');
}
