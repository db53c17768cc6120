// How the Progress tab and the progress letter put the server's figures into
// words: the status chip, time to response, durability (censored: "at least"),
// exposure against limits ("no limit set"), safety warnings, side effects and the
// sessions by route. The server decides every status; nothing here re-judges it.
import type { DoseRoute, InstrumentProgress, ProgressSession, ProgressStatus, SafetyWarningCode } from '../api';
import { routeLabel } from '../sessions/session_rules';

export const STATUS_LABELS: Record<ProgressStatus, string> = {
  remission: 'Remission',
  response: 'Response',
  relapsed: 'Relapsed',
  no_response: 'No response',
  baseline_only: 'Baseline only',
};

/** The chip's colour class; the words carry the meaning, colour only adds to them. */
export function statusClass(status: ProgressStatus): string {
  if (status === 'remission' || status === 'response') return 'badge badge-outcome';
  if (status === 'relapsed') return 'badge badge-danger';
  if (status === 'no_response') return 'badge badge-warn';
  return 'badge';
}

/** "1 day", "14 days". */
export function daysText(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Days from the first session to the first response, or why there is none. */
export function timeToResponseText(p: Pick<InstrumentProgress, 'days_to_response' | 'status' | 'response_applies'>): string {
  if (!p.response_applies) return 'No response rule';
  if (p.days_to_response !== null) return `${daysText(p.days_to_response)} after the first session`;
  return p.status === 'baseline_only' ? 'Not assessed yet' : 'No response yet';
}

/** Days from response to relapse; "at least N days" while no relapse has ended it. */
export function durabilityText(p: Pick<InstrumentProgress, 'durability_days' | 'durability_censored' | 'response_applies'>): string {
  if (!p.response_applies || p.durability_days === null) return '—';
  if (p.durability_censored) return `at least ${daysText(p.durability_days)} (no relapse so far)`;
  return `${daysText(p.durability_days)}, until relapse`;
}

/** "20 → 9"; the baseline alone while it is the only score. */
export function baselineToLatest(p: Pick<InstrumentProgress, 'baseline' | 'latest' | 'points'>): string {
  if (p.baseline === null) return 'No baseline';
  return p.latest === null || p.points.length <= 1 ? `${p.baseline}` : `${p.baseline} → ${p.latest}`;
}

export interface Threshold {
  value: number;
  label: string;
  kind: 'response' | 'remission';
}

/** The response and remission lines a trajectory draws (response only where it applies). */
export function thresholdsOf(p: Pick<InstrumentProgress, 'response_applies' | 'response_at_most' | 'remission_at_most'>): Threshold[] {
  const lines: Threshold[] = [];
  if (p.response_applies && p.response_at_most !== null) lines.push({ value: p.response_at_most, label: `Response ≤ ${p.response_at_most}`, kind: 'response' });
  if (p.remission_at_most !== null) lines.push({ value: p.remission_at_most, label: `Remission ≤ ${p.remission_at_most}`, kind: 'remission' });
  return lines;
}

/** "3 (limit 6)", "1.5 mg/kg (no limit set)". */
export function againstLimit(value: number, limit: number | null, unit = ''): string {
  const shown = `${formatNumber(value)}${unit}`;
  return limit === null ? `${shown} (no limit set)` : `${shown} (limit ${formatNumber(limit)}${unit})`;
}

/** Up to two decimals, without trailing zeros: 1.5, 0.25, 105. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export const WARNING_LABELS: Record<SafetyWarningCode, string> = {
  sessions_over_limit: 'Sessions over the 30-day limit',
  mg_per_kg_over_limit: 'Dose over the 30-day mg/kg limit',
  bladder_symptoms: 'Bladder symptoms',
  liver_tests_overdue: 'Liver tests overdue',
  liver_tests_never: 'No liver test on record',
  tolerance_signal: 'Tolerance signal',
  memory_attention: 'Memory or attention problems',
};

/** A warning's heading, or its code for a kind this page does not know yet. */
export function warningLabel(code: string): string {
  return (WARNING_LABELS as Record<string, string>)[code] ?? code.replace(/_/g, ' ');
}

/** Sessions that count as treatment: every one except those aborted before any dose. */
export function treatmentSessions(sessions: readonly ProgressSession[]): ProgressSession[] {
  return sessions.filter((s) => !(s.state === 'aborted' && s.given_mg === null));
}

export interface RouteSummary {
  route: DoseRoute;
  label: string;
  count: number;
  /** ISO instants of the first and the last session by this route. */
  first: string;
  last: string;
}

/** Treatment sessions grouped by route, the route used first listed first. */
export function sessionsByRoute(sessions: readonly ProgressSession[]): RouteSummary[] {
  const sorted = [...treatmentSessions(sessions)].sort((a, b) => a.at.localeCompare(b.at));
  const byRoute = new Map<DoseRoute, RouteSummary>();
  for (const s of sorted) {
    const seen = byRoute.get(s.route);
    if (seen) byRoute.set(s.route, { ...seen, count: seen.count + 1, last: s.at });
    else byRoute.set(s.route, { route: s.route, label: routeLabel(s.route), count: 1, first: s.at, last: s.at });
  }
  return [...byRoute.values()];
}

/** "mild" → "Mild", "not_resolved" → "Not resolved": the server's severity and outcome codes are plain words. */
export function severityLabel(severity: string): string {
  return severity ? severity.charAt(0).toUpperCase() + severity.slice(1).replace(/_/g, ' ') : '—';
}
