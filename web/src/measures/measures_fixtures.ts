// Test fixtures for measurement-based care: a small instrument catalogue (PHQ-9,
// GAD-7, a short PCL-5, the C-SSRS screen, a pain total), a prescriber, the
// clinic's settings, and builders for responses and risk tasks. Not a test file.
import type { ClinicianRef, EscalationTask, Instrument, MeasureResponse, MeasurementSettings } from '../api';

const FREQUENCY = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];
const items = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => ({ code: `${prefix}_${i + 1}`, text: `${prefix.toUpperCase()} question ${i + 1}`, min: 0, max: 3, options: FREQUENCY }));
const base = { instructions: 'Over the last 2 weeks…', total_only: false, bands_source: 'Test', response_applies: true, loinc_panel: '', loinc_total: '' };

export const PHQ9: Instrument = {
  ...base, code: 'phq9', name: 'PHQ-9', title: 'Patient Health Questionnaire (PHQ-9)', completion: 'patient', min_total: 0, max_total: 27, items: items('phq9', 9),
  bands: [{ min_total: 0, label: 'None–minimal' }, { min_total: 5, label: 'Mild' }, { min_total: 10, label: 'Moderate' }, { min_total: 15, label: 'Moderately severe' }, { min_total: 20, label: 'Severe' }],
  remission_at_most: 4,
};
export const GAD7: Instrument = {
  ...base, code: 'gad7', name: 'GAD-7', title: 'Generalized Anxiety Disorder (GAD-7)', completion: 'patient', min_total: 0, max_total: 21, items: items('gad7', 7),
  bands: [{ min_total: 0, label: 'Minimal' }, { min_total: 5, label: 'Mild' }, { min_total: 10, label: 'Moderate' }, { min_total: 15, label: 'Severe' }],
  remission_at_most: null,
};
export const PCL5: Instrument = {
  ...base, code: 'pcl5', name: 'PCL-5', title: 'PTSD Checklist for DSM-5 (PCL-5)', completion: 'patient', min_total: 0, max_total: 9, items: items('pcl5', 3),
  bands: [{ min_total: 0, label: 'Below threshold' }, { min_total: 6, label: 'Probable PTSD' }], remission_at_most: null, response_applies: false,
};
export const CSSRS: Instrument = {
  ...base, code: 'cssrs', name: 'C-SSRS', title: 'Columbia Suicide Severity Rating Scale (C-SSRS screen)', instructions: '', completion: 'clinician', min_total: 0, max_total: 3,
  items: [
    { code: 'screen_positive', text: 'Screen positive', min: 0, max: 1, options: [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }] },
    { code: 'risk_level', text: 'Risk level', min: 0, max: 3, options: [{ value: 0, label: 'None' }, { value: 1, label: 'Low' }, { value: 2, label: 'Moderate' }, { value: 3, label: 'High' }] },
  ],
  bands: [{ min_total: 0, label: 'None' }], remission_at_most: null, response_applies: false,
};
export const PAIN: Instrument = {
  ...base, code: 'pain_nrs', name: 'Pain NRS', title: 'Pain numeric rating scale', instructions: '', completion: 'clinician', total_only: true, min_total: 0, max_total: 10,
  items: [{ code: 'total', text: 'Pain now', min: 0, max: 10, options: [] }], bands: [{ min_total: 0, label: 'No pain' }, { min_total: 1, label: 'Pain' }], remission_at_most: null, response_applies: false,
};
export const CATALOGUE = [PHQ9, GAD7, PCL5, CSSRS, PAIN];

export const PRESCRIBER: ClinicianRef = { id: 'usr_p', display_name: 'Dr Priya Shah', email: 'prescriber@demo.test' };

export const SETTINGS: MeasurementSettings = {
  link_lifetime_hours: 72, escalation_minutes: 60, phq9_rise_points: 5, cssrs_min_level: 1,
  crisis_message: 'If you are in danger now, call 911.', updated_at: null, updated_by: null,
};

/** A submitted PHQ-9 with every answer `value` except question 9 (`item9`). */
export function phq9Response(id: string, at: string, value: number, item9 = 0): MeasureResponse {
  const answers = Object.fromEntries(PHQ9.items.map((item, i) => [item.code, i === 8 ? item9 : value]));
  const total = Object.values(answers).reduce((a, b) => a + b, 0);
  return { id, instrument: 'phq9', status: 'submitted', source: 'staff', answers, total, band: bandOf(PHQ9, total), started_at: at, submitted_at: at, entered_by: 'nurse@demo.test', amends: null, amended_by: null, amendment_reason: '' };
}

export function bandOf(instrument: Instrument, total: number): string {
  return [...instrument.bands].reverse().find((b) => total >= b.min_total)?.label ?? '';
}

/** An open, unescalated risk task for the demo patient. */
export function riskTask(changes: Partial<EscalationTask> = {}): EscalationTask {
  return {
    id: 'tsk_1', kind: 'suicide_risk', priority: 'high', patient: { id: 'pat_1', name: 'Okafor, Maya' },
    reasons: ['PHQ-9 question 9 (thoughts of self-harm) answered "Several days".'], instrument: 'phq9', response_id: 'rsp_2',
    assigned_to: PRESCRIBER, created_at: '2026-11-21T10:00:00.000Z', escalate_at: '2026-11-21T11:00:00.000Z', escalated: false, escalated_at: null,
    acknowledged_at: null, acknowledged_by: null, action: '', can_acknowledge: true, ...changes,
  };
}
