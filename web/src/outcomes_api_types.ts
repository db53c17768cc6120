// The API's follow-up, outcomes and long-term safety types (docs/api.md, issue 7:
// outcome settings, a patient's progress, check-ins, missed follow-ups, the clinic
// dashboard and the research export), re-exported by api_types.ts. Times are ISO
// 8601 UTC instants, days YYYY-MM-DD; quantities in mg, mg/kg and MME per day.
import type { DoseRoute } from './dose_api_types';

/** [min, max] of a numeric setting, for the form. */
export type Bounds = [number, number];

/** The clinic's follow-up and long-term safety settings (GET/POST /outcome-settings). */
export interface OutcomeSettings {
  version: number;
  updated_at: string | null;
  updated_by: string | null;
  follow_up_interval_days: number;
  /** Instrument codes, 1–10, no duplicates. */
  follow_up_instruments: string[];
  relapse_consecutive_checks: number;
  /** The window after the first session in which "after induction" is judged. */
  induction_days: number;
  /** null: no limit set. */
  max_sessions_per_30_days: number | null;
  /** null: no limit set; a decimal. */
  max_mg_per_kg_per_30_days: number | null;
  /** null: no interval set. */
  liver_test_interval_days: number | null;
  /** That many doses in a row, each higher in mg/kg than the one before. */
  tolerance_rising_doses: number;
  bounds: Partial<Record<OutcomeNumberSetting, Bounds>>;
}

export type OutcomeNumberSetting =
  | 'follow_up_interval_days'
  | 'relapse_consecutive_checks'
  | 'induction_days'
  | 'max_sessions_per_30_days'
  | 'max_mg_per_kg_per_30_days'
  | 'liver_test_interval_days'
  | 'tolerance_rising_doses';

/** POST /outcome-settings: any subset; a nullable limit set to null is removed. */
export type OutcomeSettingsChange = Partial<Omit<OutcomeSettings, 'version' | 'updated_at' | 'updated_by' | 'bounds'>>;

export type ProgressStatus = 'remission' | 'response' | 'relapsed' | 'no_response' | 'baseline_only';

export interface ProgressPoint {
  at: string;
  total: number;
}

/** One instrument's course: the first point is the baseline. */
export interface InstrumentProgress {
  instrument: string;
  label: string;
  min_total: number;
  max_total: number;
  response_applies: boolean;
  /** Totals at or below this are a response (from the baseline); null: no rule. */
  response_at_most: number | null;
  remission_at_most: number | null;
  /** Oldest first. */
  points: ProgressPoint[];
  baseline: number | null;
  latest: number | null;
  change: number | null;
  percent_change: number | null;
  status: ProgressStatus;
  response_at: string | null;
  remission_at: string | null;
  relapse_at: string | null;
  days_to_response: number | null;
  durability_days: number | null;
  /** True while no relapse has ended the response: durability is "at least". */
  durability_censored: boolean;
}

export interface ProgressSession {
  id: string;
  /** Dose start, else the appointment's start. */
  at: string;
  route: DoseRoute;
  state: string;
  given_mg: number | null;
  given_mg_per_kg: number | null;
}

export interface PainCourse {
  scores: ProgressPoint[];
  mme: { at: string; mme_per_day: number }[];
}

export type SafetyWarningCode =
  | 'sessions_over_limit'
  | 'mg_per_kg_over_limit'
  | 'bladder_symptoms'
  | 'liver_tests_overdue'
  | 'liver_tests_never'
  | 'tolerance_signal'
  | 'memory_attention';

export interface SafetyWarning {
  code: SafetyWarningCode;
  message: string;
}

export interface LongTermSafety {
  exposure: {
    from: string;
    to: string;
    sessions: number;
    total_mg: number;
    total_mg_per_kg: number;
    /** Doses without a recorded weight, left out of the mg/kg total. */
    without_weight: number;
    limits: { max_sessions_per_30_days: number | null; max_mg_per_kg_per_30_days: number | null };
  };
  running_total: { sessions: number; total_mg: number };
  warnings: SafetyWarning[];
  bladder: { last_screen_at: string | null; last_total: number | null; positive_screens: number };
  liver: { interval_days: number | null; last_test_on: string | null; due_on: string | null; overdue: boolean };
  tolerance: { signal: boolean; doses: { at: string; route: DoseRoute; mg_per_kg: number }[] };
  memory_attention: { at: string; note: string; by: string }[];
}

export interface SideEffectEntry {
  session_id: string;
  at: string;
  kind: string;
  label: string;
  severity: string;
  serious: boolean;
  intervention: string;
  outcome: string;
}

export interface FollowUpPlan {
  start: string;
  interval_days: number;
  instruments: string[];
}

export interface FollowUpDue {
  instrument: string;
  due_on: string;
  overdue: boolean;
  missed: number;
}

export interface FollowUpCheckIn {
  id: string;
  at: string;
  mme_per_day: number | null;
  memory_attention: boolean;
  note: string;
  by: string;
}

export type OutcomeTaskKind = 'relapse' | 'bladder_symptoms' | 'suicide_risk';

export interface PatientOpenTask {
  id: string;
  kind: OutcomeTaskKind;
  created_at: string;
  reasons: string[];
}

/** GET /patients/{id}/progress: everything the Progress tab and the progress letter show. */
export interface PatientProgress {
  patient: { id: string; name: string; date_of_birth: string };
  clinic: { name: string };
  first_session_at: string | null;
  sessions: ProgressSession[];
  instruments: InstrumentProgress[];
  /** Present for a patient treated for pain (a pain diagnosis, a pain score or an MME entry). */
  pain: PainCourse | null;
  safety: LongTermSafety;
  side_effects: SideEffectEntry[];
  follow_up: { plan: FollowUpPlan | null; due: FollowUpDue[] };
  /** Newest first. */
  check_ins: FollowUpCheckIn[];
  open_tasks: PatientOpenTask[];
}

/** POST /patients/{id}/follow-up: omitted fields take the clinic's settings. */
export interface FollowUpStart {
  start: string;
  interval_days?: number;
  instruments?: string[];
}

/** POST /patients/{id}/check-ins. */
export interface NewCheckIn {
  at?: string;
  /** Absent: not asked. 0–10000. */
  mme_per_day?: number;
  memory_attention: boolean;
  /** Needed when memory_attention is true. */
  note: string;
}

/** GET /follow-ups/missed. */
export interface MissedFollowUps {
  check_ins: { patient: { id: string; name: string }; instrument: string; due_on: string; missed: number }[];
  liver_tests: { patient: { id: string; name: string }; last_test_on: string | null; due_on: string }[];
}

export const INDICATIONS = ['depression', 'bipolar_depression', 'ptsd', 'anxiety', 'ocd', 'chronic_pain', 'other'] as const;
export type Indication = (typeof INDICATIONS)[number];

/** The dashboard's filters (query parameters); absent: all, and the 365 days ending today. */
export interface DashboardFilters {
  from?: string;
  to?: string;
  route?: DoseRoute;
  indication?: Indication;
  instrument?: string;
}

/** A proportion with its 95 % confidence interval (rates are 0–1). */
export interface Proportion {
  count: number;
  total: number;
  rate: number | null;
  lower: number | null;
  upper: number | null;
}

export interface OutcomeGroup {
  by: 'all' | 'route' | 'indication';
  key: string;
  label: string;
  /** Patients whose first session is in range. */
  started: number;
  /** Of those, with a baseline and a check within induction_days of the first session. */
  assessed: number;
  responders: Proportion;
  remitters: Proportion;
  median_days_to_response: number | null;
}

/** GET /dashboards/outcomes. */
export interface OutcomesDashboard {
  filters: { from: string; to: string; route: DoseRoute | null; indication: Indication | null; instrument: string };
  active_patients: number;
  sessions: number;
  /** Monday of each ISO week in range, zero-filled. */
  sessions_per_week: { week: string; count: number }[];
  outcomes: { instrument: string; induction_days: number; groups: OutcomeGroup[] };
  adverse_events: { total: number; per_100_sessions: number | null; serious: number; by_kind: { kind: string; label: string; count: number; per_100_sessions: number | null }[] };
  severe_hypertension: { sessions: number; rate: Proportion; reference: string };
  discharge: { discharged: number; median_minutes_after_minimum: number | null; p90_minutes_after_minimum: number | null; overrides: number };
  alarms: { total: number; per_session: number | null; by_rule: { code: string; label: string; count: number }[] };
}

export type ResearchExportFilters = Omit<DashboardFilters, 'instrument'>;

/** A research export job (POST /exports/research, GET /exports/research/{id}). */
export interface ResearchExport {
  id: string;
  state: 'running' | 'done' | 'failed';
  /** Patients processed so far, of total. */
  done: number;
  total: number;
  rows: number;
  created_at: string;
  /** Why it failed; null otherwise. */
  error?: string | null;
  /** The selection as the server applied it. */
  filters?: { from: string; to: string; route: DoseRoute | null; indication: Indication | null };
}
