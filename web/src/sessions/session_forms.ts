// The console's forms, checked before sending: each reader turns the typed text into
// the request or names the field to fix, with the server's field names (so a server
// error lands on the same input). The server checks everything again.
import type { AldreteEntry, EffectOutcome, EffectSeverity, FollowUpBooking, NewEffect, NewRescueMedicine, NewVitalsReading, VitalSign } from '../api';
import { fromLocalInput } from '../calendar/calendar_rules';
import type { FormProblem } from '../ui/form_problem';

export type Read<T> = { value: T } | { problem: FormProblem };

const problem = (field: string, message: string): { problem: FormProblem } => ({ problem: { field, message } });

/** A number typed in a field: undefined when empty, NaN when not a number. */
function numberIn(text: string): number | undefined {
  const t = text.trim();
  return t === '' ? undefined : Number(t);
}

export function requireText(field: string, text: string, message: string): Read<string> {
  return text.trim() ? { value: text.trim() } : problem(field, message);
}

/** The decision on a pre-dose BP above the limit: proceeding needs a reason. */
export function readBpDecision(decision: string, reason: string): Read<{ decision: 'proceed' | 'defer'; reason: string }> {
  if (decision === 'defer') return { value: { decision, reason: reason.trim() } };
  if (decision !== 'proceed') return problem('decision', 'Choose: proceed or defer.');
  const r = requireText('reason', reason, 'Give the reason to proceed despite the blood pressure.');
  return 'problem' in r ? r : { value: { decision, reason: r.value } };
}

// Vital signs: one reading, its fields named as the server names them (readings[0].…).
export const VITAL_FIELDS: readonly { sign: VitalSign; label: string; unit: string }[] = [
  { sign: 'systolic_mmhg', label: 'Systolic BP', unit: 'mmHg' },
  { sign: 'diastolic_mmhg', label: 'Diastolic BP', unit: 'mmHg' },
  { sign: 'heart_rate_bpm', label: 'Heart rate', unit: '/min' },
  { sign: 'spo2_pct', label: 'SpO2', unit: '%' },
  { sign: 'respiratory_rate_per_min', label: 'Respiratory rate', unit: '/min' },
];

export const vitalField = (sign: VitalSign | 'at') => `readings[0].${sign}`;

export type VitalsDraft = Record<VitalSign | 'at', string>;

export const emptyVitals = (): VitalsDraft => ({ at: '', systolic_mmhg: '', diastolic_mmhg: '', heart_rate_bpm: '', spo2_pct: '', respiratory_rate_per_min: '' });

/** The reading, or the first impossible value (the server's rules: issue 6, vital signs). */
export function readVitals(draft: VitalsDraft, now: Date): Read<NewVitalsReading> {
  const reading: NewVitalsReading = {};
  for (const { sign, label } of VITAL_FIELDS) {
    const n = numberIn(draft[sign]);
    if (n === undefined) continue;
    if (!Number.isFinite(n) || n <= 0) return problem(vitalField(sign), `${label}: enter a number above 0.`);
    reading[sign] = n;
  }
  const { systolic_mmhg: sys, diastolic_mmhg: dia, heart_rate_bpm: hr, spo2_pct: spo2 } = reading;
  if (Object.keys(reading).length === 0) return problem(vitalField('systolic_mmhg'), 'Enter at least one value.');
  if (spo2 !== undefined && spo2 > 100) return problem(vitalField('spo2_pct'), 'SpO2 cannot be above 100 %.');
  if (hr !== undefined && hr > 300) return problem(vitalField('heart_rate_bpm'), 'A heart rate above 300 /min is not possible: check the reading.');
  if (sys !== undefined && dia !== undefined && dia >= sys) return problem(vitalField('diastolic_mmhg'), 'The diastolic pressure must be below the systolic.');
  if (draft.at.trim()) {
    const at = fromLocalInput(draft.at.trim());
    if (!at) return problem(vitalField('at'), 'Enter the time of the reading, or leave it empty for now.');
    if (new Date(at).getTime() > now.getTime() + 60_000) return problem(vitalField('at'), 'The time of the reading cannot be in the future.');
    reading.at = at;
  }
  return { value: reading };
}

// Effects and adverse events (src/domain/effects.cc).
export const EFFECT_KINDS: readonly { value: string; label: string }[] = [
  { value: 'dissociation', label: 'Dissociation' },
  { value: 'sedation', label: 'Sedation' },
  { value: 'nausea', label: 'Nausea' },
  { value: 'vomiting', label: 'Vomiting' },
  { value: 'dizziness', label: 'Dizziness' },
  { value: 'anxiety_agitation', label: 'Anxiety or agitation' },
  { value: 'headache', label: 'Headache' },
  { value: 'raised_bp', label: 'Raised blood pressure' },
  { value: 'fast_heart_rate', label: 'Fast heart rate' },
  { value: 'respiratory_depression', label: 'Respiratory depression' },
  { value: 'emergence_reaction', label: 'Emergence reaction' },
  { value: 'other', label: 'Other' },
];
export const SEVERITIES: readonly { value: EffectSeverity; label: string }[] = [
  { value: 'mild', label: 'Mild' },
  { value: 'moderate', label: 'Moderate' },
  { value: 'severe', label: 'Severe' },
];
export const OUTCOMES: readonly { value: EffectOutcome; label: string }[] = [
  { value: 'ongoing', label: 'Ongoing' },
  { value: 'resolved', label: 'Resolved' },
  { value: 'resolved_with_intervention', label: 'Resolved with intervention' },
  { value: 'transferred', label: 'Transferred' },
];

export interface EffectDraft {
  kind: string;
  severity: string;
  description: string;
  intervention: string;
  outcome: string;
  serious: boolean;
  narrative: string;
}

export const emptyEffect = (): EffectDraft => ({ kind: '', severity: '', description: '', intervention: '', outcome: 'ongoing', serious: false, narrative: '' });

export function readEffect(d: EffectDraft): Read<NewEffect> {
  if (!d.kind) return problem('kind', 'Choose the kind of effect.');
  const severity = SEVERITIES.find((s) => s.value === d.severity)?.value;
  if (!severity) return problem('severity', 'Choose the severity.');
  const outcome = OUTCOMES.find((o) => o.value === d.outcome)?.value;
  if (!outcome) return problem('outcome', 'Choose the outcome.');
  if (d.kind === 'other' && !d.description.trim()) return problem('description', 'Describe the effect.');
  if (d.serious && !d.narrative.trim()) return problem('narrative', 'A serious adverse event needs a narrative: what happened, what was done, and how the patient is.');
  return {
    value: { kind: d.kind, severity, outcome, description: d.description.trim(), intervention: d.intervention.trim(), serious: d.serious, narrative: d.serious ? d.narrative.trim() : '' },
  };
}

export interface RescueDraft {
  drug: string;
  dose_mg: string;
  route: string;
  reason: string;
}

export const emptyRescue = (): RescueDraft => ({ drug: '', dose_mg: '', route: '', reason: '' });

export function readRescue(d: RescueDraft): Read<NewRescueMedicine> {
  if (!d.drug.trim()) return problem('drug', 'Name the medicine given.');
  const dose = numberIn(d.dose_mg);
  if (dose === undefined || !Number.isFinite(dose) || dose <= 0) return problem('dose_mg', 'Enter the dose in mg (a number above 0).');
  if (!d.route) return problem('route', 'Choose the route.');
  if (!d.reason.trim()) return problem('reason', 'Give the reason it was given.');
  return { value: { drug: d.drug.trim(), dose_mg: dose, route: d.route, reason: d.reason.trim() } };
}

export function readRateChange(rate: string, reason: string): Read<{ rate_ml_per_h: number; reason: string }> {
  const n = numberIn(rate);
  if (n === undefined || !Number.isFinite(n) || n <= 0) return problem('rate_ml_per_h', 'Enter the new rate in mL/h (a number above 0).');
  if (!reason.trim()) return problem('reason', 'Give the reason for the change.');
  return { value: { rate_ml_per_h: n, reason: reason.trim() } };
}

/** The pump rate to start an IV dose at: empty means the dose order's rate. */
export function readStartRate(rate: string): Read<number | undefined> {
  const n = numberIn(rate);
  if (n === undefined) return { value: undefined };
  if (!Number.isFinite(n) || n <= 0) return problem('rate_ml_per_h', 'Enter the starting rate in mL/h, or leave it empty for the ordered rate.');
  return { value: n };
}

/** `today` is YYYY-MM-DD: a lot that expired before it may not be used. */
export function readDrugLot(lot: string, expiry: string, today: string): Read<{ lot: string; expiry_date: string }> {
  if (!lot.trim()) return problem('lot', 'Enter the lot number printed on the vial or the device.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiry)) return problem('expiry_date', 'Enter the expiry date.');
  if (expiry < today) return problem('expiry_date', `This lot expired on ${expiry}: use another lot.`);
  return { value: { lot: lot.trim(), expiry_date: expiry } };
}

export type AldreteDraft = Record<'activity' | 'respiration' | 'consciousness', string> & { on_room_air: boolean };

export const ALDRETE_ITEMS: readonly { field: 'activity' | 'respiration' | 'consciousness'; legend: string; choices: readonly { value: string; label: string }[] }[] = [
  {
    field: 'activity',
    legend: 'Activity',
    choices: [
      { value: '2', label: '2: moves all four limbs' },
      { value: '1', label: '1: moves two limbs' },
      { value: '0', label: '0: moves no limbs' },
    ],
  },
  {
    field: 'respiration',
    legend: 'Respiration',
    choices: [
      { value: '2', label: '2: breathes deeply and coughs freely' },
      { value: '1', label: '1: short of breath or limited breathing' },
      { value: '0', label: '0: apnoeic' },
    ],
  },
  {
    field: 'consciousness',
    legend: 'Consciousness',
    choices: [
      { value: '2', label: '2: fully awake' },
      { value: '1', label: '1: rousable on calling' },
      { value: '0', label: '0: not responding' },
    ],
  },
];

export function readAldrete(d: AldreteDraft): Read<AldreteEntry> {
  const scores: Partial<Record<'activity' | 'respiration' | 'consciousness', number>> = {};
  for (const item of ALDRETE_ITEMS) {
    const v = d[item.field];
    if (v !== '0' && v !== '1' && v !== '2') return problem(item.field, `Score ${item.legend.toLowerCase()}.`);
    scores[item.field] = Number(v);
  }
  return { value: { activity: scores.activity ?? 0, respiration: scores.respiration ?? 0, consciousness: scores.consciousness ?? 0, on_room_air: d.on_room_air } };
}

export interface FollowUpDraft {
  type: string;
  start: string;
  room_id: string;
  staff_ids: string[];
}

export function readFollowUp(d: FollowUpDraft, now: Date): Read<FollowUpBooking> {
  if (d.type !== 'integration' && d.type !== 'follow_up') return problem('type', 'Choose the kind of appointment.');
  const start = fromLocalInput(d.start);
  if (!start) return problem('start', 'Enter the date and time.');
  if (new Date(start).getTime() < now.getTime()) return problem('start', 'Choose a time in the future.');
  if (d.staff_ids.length === 0) return problem('staff_ids', 'Choose at least one member of staff.');
  return { value: { type: d.type, start, room_id: d.room_id, staff_ids: d.staff_ids } };
}
