// The monitored session's API types (the sessions contract; docs/api.md, "Sessions"),
// re-exported by api_types.ts. Times are ISO 8601 UTC; absent values are null.
import type { DoseRoute } from './dose_api_types';

export type SessionState =
  | 'scheduled'
  | 'checked_in'
  | 'ready_to_dose'
  | 'dosing'
  | 'paused'
  | 'observing'
  | 'ready_for_discharge'
  | 'discharged'
  | 'aborted';

/** What POST /sessions/{id}/transitions accepts (check-in has its own call). */
export type SessionTransition = 'mark_ready' | 'start_dosing' | 'pause' | 'resume' | 'stop_dosing' | 'ready_for_discharge' | 'discharge' | 'abort';

/** One vital-signs reading; a value not measured is null. */
export interface VitalsReading {
  at: string;
  systolic_mmhg: number | null;
  diastolic_mmhg: number | null;
  heart_rate_bpm: number | null;
  spo2_pct: number | null;
  respiratory_rate_per_min: number | null;
  /** manual, or the gateway's device name. */
  source: string;
}

/** A reading to record: every value optional, at least one given; `at` defaults to now. */
export interface NewVitalsReading {
  at?: string;
  systolic_mmhg?: number;
  diastolic_mmhg?: number;
  heart_rate_bpm?: number;
  spo2_pct?: number;
  respiratory_rate_per_min?: number;
}

export type VitalSign = 'systolic_mmhg' | 'diastolic_mmhg' | 'heart_rate_bpm' | 'spo2_pct' | 'respiratory_rate_per_min';

export type AlarmPriority = 'high' | 'medium' | 'low';

export interface AlarmRule {
  code: string;
  label: string;
  priority: AlarmPriority;
  limbs: { sign: VitalSign; direction: 'above' | 'below'; enter_at: number; clear_at: number }[];
}

export interface SessionAlarm {
  id: number;
  rule_code: string;
  label: string;
  priority: AlarmPriority;
  state: 'raised' | 'acknowledged' | 'cleared';
  /** The reading is still out of range. */
  condition_active: boolean;
  escalated: boolean;
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string;
  cleared_at: string | null;
  value: number | null;
}

export interface SessionGateCheck {
  /** eligibility, consent, …, escort_present, instructions_given, reason (src/domain/session_readiness.h). */
  gate: string;
  state: 'passed' | 'failed' | 'at_check_in';
  code: string | null;
  message: string;
}

export interface CheckInFacts {
  escort_confirmed: boolean;
  fasting_confirmed: boolean;
  pregnancy_applies: boolean;
  pregnancy_status_current: boolean;
  questionnaire_done: boolean;
  questionnaire_skip_reason: string;
  at: string | null;
  by: string;
}

export interface CheckIn {
  escort_confirmed: boolean;
  fasting_confirmed: boolean;
  pregnancy_status_current: boolean;
  questionnaire_done: boolean;
  questionnaire_skip_reason: string;
}

export interface InfusionEvent {
  kind: 'start' | 'rate_change' | 'pause' | 'resume' | 'stop';
  at: string;
  rate_ml_per_h: number | null;
  reason: string;
  by: string;
}

export interface RescueMedicine {
  id: string;
  drug: string;
  dose_mg: number;
  route: string;
  reason: string;
  at: string;
  by: string;
}

export interface NewRescueMedicine {
  drug: string;
  dose_mg: number;
  route: string;
  reason: string;
}

export type EffectSeverity = 'mild' | 'moderate' | 'severe';
export type EffectOutcome = 'ongoing' | 'resolved' | 'resolved_with_intervention' | 'transferred';

export interface NewEffect {
  kind: string;
  severity: EffectSeverity;
  description: string;
  intervention: string;
  outcome: EffectOutcome;
  serious: boolean;
  narrative: string;
}

export interface SessionEffect extends NewEffect {
  id: string;
  label: string;
  at: string;
  by: string;
}

export interface AldreteEntry {
  activity: number;
  respiration: number;
  consciousness: number;
  on_room_air: boolean;
}

export interface AldreteScore {
  at: string;
  by: string;
  activity: number;
  respiration: number;
  circulation: number;
  consciousness: number;
  oxygen: number;
  total: number;
  bp_change_pct: number | null;
}

export interface SessionTimers {
  checked_in_at: string | null;
  dose_started_at: string | null;
  dose_ended_at: string | null;
  minimum_observation_minutes: number;
  observation_until: string | null;
  bp_next_due: string | null;
  bp_overdue: boolean;
}

export interface SessionNote {
  id: string;
  text: string;
  by: string;
  at: string;
}

export interface SessionView {
  id: string;
  route: DoseRoute;
  state: SessionState;
  patient: { id: string; display_name: string; age_years: number | null; sex_at_birth: string | null };
  appointment: { id: string; start: string; end: string; room_id: string; room_name: string };
  transitions: SessionTransition[];
  next_transition: SessionTransition | null;
  gates: SessionGateCheck[];
  check_in: CheckInFacts;
  pre_dose: {
    bp_limit_systolic_mmhg: number;
    bp_limit_diastolic_mmhg: number;
    above_limit: boolean;
    reading: VitalsReading | null;
    bp_decision: 'none' | 'proceed' | 'defer';
    bp_decision_reason: string;
    bp_decision_by: string;
  };
  dose_order: {
    id: string;
    dose_mg: number;
    volume_ml: number | null;
    rate_ml_per_h: number | null;
    infusion_minutes: number | null;
    concentration_mg_per_ml: number | null;
    devices: number | null;
  } | null;
  drug_lot: { lot: string; expiry_date: string } | null;
  infusion: InfusionEvent[];
  devices: { at: string; by: string }[];
  delivered: { volume_ml: number; dose_mg: number; running_minutes: number };
  rescue_medicines: RescueMedicine[];
  latest_vitals: VitalsReading | null;
  alarm_rules: AlarmRule[];
  alarms: SessionAlarm[];
  effects: SessionEffect[];
  aldrete: AldreteScore[];
  timers: SessionTimers;
  discharge: {
    escort_present: boolean;
    instructions_given: boolean;
    override_reason: string;
    override_by: string;
    discharged_at: string | null;
    minimum_score: number;
  };
  abort_reason: string;
  notes: SessionNote[];
  follow_up_appointment_id: string;
  rems: { applies: boolean; due_on: string; submitted_on: string };
}

/** One session on the nurse station, a day's list or a patient's list. */
export interface StationTile {
  id: string;
  route: DoseRoute;
  state: SessionState;
  patient: { id: string; display_name: string };
  room: { id: string; name: string } | null;
  appointment_start: string;
  checked_in_at: string | null;
  dose_started_at: string | null;
  latest_vitals: VitalsReading | null;
  alarm: { open: number; unacknowledged: number; highest_priority: AlarmPriority | null };
}

export interface TransitionRequest {
  transition: SessionTransition;
  reason?: string;
  rate_ml_per_h?: number;
}

export interface AlarmEvent {
  session_id?: string;
  alarm_id: number;
  rule_code: string;
  priority: AlarmPriority;
  label: string;
  [key: string]: unknown;
}

export interface VitalsRecorded {
  accepted: number;
  alarm_events: AlarmEvent[];
}

export interface FollowUpBooking {
  type: 'integration' | 'follow_up';
  start: string;
  room_id: string;
  staff_ids: string[];
}

export interface RemsForm {
  session_id: string;
  patient: { name: string; date_of_birth: string; sex_at_birth: string | null };
  concomitant: {
    benzodiazepines: boolean;
    non_benzodiazepine_sedative_hypnotics: boolean;
    psychostimulants: boolean;
    maois: boolean;
    opioids: boolean;
  };
  monitoring_clinician: string;
  setting: string;
  date: string;
  dose_mg: number | null;
  devices: number | null;
  lot: string;
  minutes_monitored: number | null;
  vitals_acceptable_before: boolean;
  vitals_acceptable_after: boolean;
  bp_readings: { at: string; systolic_mmhg: number | null; diastolic_mmhg: number | null }[];
  sedation: boolean;
  dissociation: boolean;
  respiratory_depression: boolean;
  /** The contract leaves the element shape open: the effects marked serious, or text. */
  serious_adverse_events: unknown[];
  due_on: string;
  submitted_on: string;
}

export interface PendingRemsForm {
  session_id: string;
  patient: { id: string; display_name: string };
  date: string;
  due_on: string;
  overdue: boolean;
}

/** GET/POST /clinic/session-settings: the clinic's session protocol (docs/api.md, "Monitored sessions"). */
export interface SessionSettingField {
  name: string;
  label: string;
  min: number;
  max: number;
  value: number;
  default: number;
}
export interface SessionSettings {
  version: number;
  updated_at: string | null;
  fields: SessionSettingField[];
}
