// A dashboard answer for the Outcomes page's tests. Not a test file.
import type { OutcomesDashboard } from '../api';

const proportion = (count: number, total: number, lower: number, upper: number) => ({ count, total, rate: count / total, lower, upper });

export function dashboardFor(filters: Partial<OutcomesDashboard['filters']> = {}): OutcomesDashboard {
  const ivOnly = filters.route === 'iv';
  return {
    filters: { from: '2025-11-22', to: '2026-11-21', route: null, indication: null, instrument: 'phq9', ...filters },
    active_patients: ivOnly ? 30 : 41,
    sessions: ivOnly ? 180 : 230,
    sessions_per_week: [{ week: '2026-11-09', count: 10 }, { week: '2026-11-16', count: 12 }],
    outcomes: {
      instrument: 'phq9', induction_days: 28,
      groups: [
        { by: 'all', key: 'all', label: 'All patients', started: 40, assessed: 35, responders: proportion(20, 35, 0.405, 0.723), remitters: proportion(10, 35, 0.163, 0.45), median_days_to_response: 12.5 },
        { by: 'route', key: 'iv', label: 'IV infusion', started: 30, assessed: 26, responders: proportion(16, 26, 0.425, 0.777), remitters: proportion(8, 26, 0.165, 0.5), median_days_to_response: 11 },
        { by: 'indication', key: 'depression', label: 'Depression', started: 35, assessed: 30, responders: proportion(18, 30, 0.423, 0.754), remitters: proportion(9, 30, 0.167, 0.479), median_days_to_response: null },
      ],
    },
    adverse_events: { total: 31, per_100_sessions: 13.48, serious: 0, by_kind: [{ kind: 'nausea', label: 'Nausea', count: 12, per_100_sessions: 5.2 }, { kind: 'dissociation', label: 'Dissociation', count: 19, per_100_sessions: 8.26 }] },
    severe_hypertension: { sessions: 3, rate: proportion(3, 230, 0.004, 0.038), reference: 'about 1 % of sessions (Yale 2024; clinical reference §3)' },
    discharge: { discharged: 220, median_minutes_after_minimum: 12, p90_minutes_after_minimum: 35, overrides: 2 },
    alarms: { total: 40, per_session: 0.1739, by_rule: [{ code: 'bp_high', label: 'Blood pressure high', count: 22 }] },
  };
}
