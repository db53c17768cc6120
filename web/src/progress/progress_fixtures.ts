// Test fixtures for follow-up and outcomes: a patient's progress document (PHQ-9
// in response, durability censored; a liver-test warning; no follow-up plan yet)
// and the clinic's outcome settings. Not a test file.
import type { OutcomeSettings, PatientProgress } from '../api';

export const PROGRESS: PatientProgress = {
  patient: { id: 'pat_1', name: 'Maya Okafor', date_of_birth: '1986-03-14' },
  clinic: { name: 'Demo Clinic' },
  first_session_at: '2026-10-01T09:00:00.000Z',
  sessions: [
    { id: 'ses_1', at: '2026-10-01T09:00:00.000Z', route: 'iv', state: 'discharged', given_mg: 35, given_mg_per_kg: 0.5 },
    { id: 'ses_2', at: '2026-10-08T09:00:00.000Z', route: 'iv', state: 'discharged', given_mg: 35, given_mg_per_kg: 0.5 },
    { id: 'ses_3', at: '2026-10-15T09:00:00.000Z', route: 'intranasal_esketamine', state: 'discharged', given_mg: 56, given_mg_per_kg: null },
    { id: 'ses_4', at: '2026-10-22T09:00:00.000Z', route: 'iv', state: 'aborted', given_mg: null, given_mg_per_kg: null },
  ],
  instruments: [
    {
      instrument: 'phq9', label: 'PHQ-9', min_total: 0, max_total: 27, response_applies: true, response_at_most: 10, remission_at_most: 4,
      points: [{ at: '2026-09-30T10:00:00.000Z', total: 20 }, { at: '2026-10-14T10:00:00.000Z', total: 9 }],
      baseline: 20, latest: 9, change: -11, percent_change: -55, status: 'response', response_at: '2026-10-14T10:00:00.000Z', remission_at: null, relapse_at: null,
      days_to_response: 13, durability_days: 28, durability_censored: true,
    },
  ],
  pain: null,
  safety: {
    exposure: { from: '2026-10-23', to: '2026-11-21', sessions: 3, total_mg: 105, total_mg_per_kg: 1.5, without_weight: 1, limits: { max_sessions_per_30_days: 6, max_mg_per_kg_per_30_days: null } },
    running_total: { sessions: 9, total_mg: 315 },
    warnings: [{ code: 'liver_tests_overdue', message: 'Liver tests were due on 2026-10-30.' }],
    bladder: { last_screen_at: '2026-11-01T10:00:00.000Z', last_total: 0, positive_screens: 1 },
    liver: { interval_days: 90, last_test_on: '2026-08-01', due_on: '2026-10-30', overdue: true },
    tolerance: { signal: false, doses: [{ at: '2026-10-01T09:00:00.000Z', route: 'iv', mg_per_kg: 0.5 }] },
    memory_attention: [],
  },
  side_effects: [{ session_id: 'ses_1', at: '2026-10-01T09:30:00.000Z', kind: 'nausea', label: 'Nausea', severity: 'mild', serious: false, intervention: 'Ondansetron', outcome: 'Resolved' }],
  follow_up: { plan: null, due: [] },
  check_ins: [],
  open_tasks: [{ id: 'tsk_9', kind: 'relapse', created_at: '2026-11-20T10:00:00.000Z', reasons: ['PHQ-9 rose back above the response threshold on 2 checks in a row.'] }],
};

export const OUTCOME_SETTINGS: OutcomeSettings = {
  version: 0, updated_at: null, updated_by: null, follow_up_interval_days: 28, follow_up_instruments: ['phq9', 'gad7'], relapse_consecutive_checks: 2, induction_days: 28,
  max_sessions_per_30_days: null, max_mg_per_kg_per_30_days: 4, liver_test_interval_days: null, tolerance_rising_doses: 3,
  bounds: { follow_up_interval_days: [1, 365], relapse_consecutive_checks: [1, 10], induction_days: [7, 180], max_sessions_per_30_days: [1, 31], max_mg_per_kg_per_30_days: [0, 100], liver_test_interval_days: [7, 730], tolerance_rising_doses: [2, 10] },
};
