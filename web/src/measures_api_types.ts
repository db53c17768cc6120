// The API's measurement-based-care types (docs/api.md, "Measurement-based care"),
// re-exported by api_types.ts.
import type { Role } from './api_types';

// Staff: a patient's measures, the due list, tasks and settings.
// A patient's questionnaires, scores, schedule and the suicide-risk tasks (the
// chart's Measures tab, the due list, the inbox, the clinic's settings). Instrument
// codes and item codes come from the catalogue (Instrument, below).

/** One submitted, scored response on a trajectory. */
export interface ScoredPoint {
  response_id: string;
  at: string;
  total: number;
  band: string;
}

/** A total at a time (the baseline, the latest). */
export interface TotalAt {
  at: string;
  total: number;
}

/** How a patient's scores on one instrument moved from the baseline to the latest. */
export interface OutcomeSummary {
  baseline: TotalAt | null;
  latest: TotalAt | null;
  /** latest − baseline; null without both. */
  change: number | null;
  /** null when the baseline is 0 or missing. */
  percent_change: number | null;
  response: boolean;
  remission: boolean;
  /** PCL-5: a change the instrument counts as clinically meaningful. */
  meaningful_change: boolean;
  latest_band: string | null;
}

/** A patient's scores on one instrument, oldest first; an amended response is replaced by its amendment. */
export interface InstrumentSeries {
  instrument: string;
  points: ScoredPoint[];
  outcome: OutcomeSummary;
}

export type MeasureResponseStatus = 'in_progress' | 'submitted';

/** One questionnaire response: entered by staff, or by the patient through a link. */
export interface MeasureResponse {
  id: string;
  instrument: string;
  status: MeasureResponseStatus;
  source: 'staff' | 'link';
  answers: InstrumentAnswers;
  total: number | null;
  band: string | null;
  started_at: string;
  submitted_at: string | null;
  /** The staff member's e-mail; null for a patient's link. */
  entered_by: string | null;
  /** The submitted response this one replaces. */
  amends: string | null;
  /** The later response that replaces this one. */
  amended_by: string | null;
  /** Why this response amends another; "" otherwise. */
  amendment_reason: string;
}

/** A questionnaire link sent to the patient (never its token). */
export interface SentQuestionnaireLink {
  id: string;
  instruments: string[];
  created_at: string;
  expires_at: string;
  status: 'open' | 'used' | 'expired';
  submitted: string[];
}

export const SCHEDULE_RULES = ['baseline', 'before_session', 'weekly', 'monthly', 'follow_up'] as const;
export type ScheduleRule = (typeof SCHEDULE_RULES)[number];

/** When an instrument is due: from `start` (a date) to `end` (null: open-ended); interval_days only for follow_up, else 0. */
export interface ScheduleEntry {
  instrument: string;
  rule: ScheduleRule;
  start: string;
  end: string | null;
  interval_days: number;
}

/** A questionnaire the schedule says is due (or overdue) for a patient. */
export interface DueQuestionnaire {
  instrument: string;
  rule: ScheduleRule;
  due_on: string;
  overdue: boolean;
  /** How many earlier due dates passed without a response. */
  missed: number;
}

/** A staff member named on a patient or a task. */
export interface ClinicianRef {
  id: string;
  display_name: string;
  email: string;
}

/** GET /clinicians: the clinic's enabled prescribers. */
export interface Clinician extends ClinicianRef {
  roles: Role[];
}

/** GET /patients/{id}/measures: everything the chart's Measures tab shows. */
export interface PatientMeasures {
  series: InstrumentSeries[];
  /** Newest first. */
  responses: MeasureResponse[];
  /** Newest first. */
  links: SentQuestionnaireLink[];
  schedule: ScheduleEntry[];
  due: DueQuestionnaire[];
  /** Dosing-session days (YYYY-MM-DD), marked on the trajectories. */
  session_days: string[];
  /** Who gets this patient's risk tasks; null: any prescriber. */
  responsible_clinician: ClinicianRef | null;
}

/** POST /patients/{id}/responses: staff enter a questionnaire on the patient's behalf. */
export interface NewMeasureResponse {
  instrument: string;
  answers: InstrumentAnswers;
  /** false: save a draft (partial answers are fine); true: every item answered, scored. */
  submit: boolean;
  /** Continue this in-progress response. */
  response_id?: string;
  /** A new submitted response replacing this submitted one; needs amendment_reason. */
  amends?: string;
  amendment_reason?: string;
}

/** Why the answers raised a suicide-risk signal. */
export interface RiskSignal {
  code: string;
  reason: string;
}

export interface RecordedMeasureResponse {
  response: MeasureResponse;
  risk: RiskSignal[];
  /** The high-priority task raised for the signals; null when none was. */
  task_id: string | null;
}

/** 201 from POST /patients/{id}/questionnaire-links. The token is in `path` and is shown only this once. */
export interface CreatedQuestionnaireLink {
  id: string;
  token: string;
  /** "/q/{clinic_id}/{token}": the page address without the origin. */
  path: string;
  expires_at: string;
  /** What went to the outbox for the patient. */
  message: { subject: string; body: string };
}

/** 200 from POST /patients/{id}/schedule. */
export interface ScheduleSaved {
  schedule: ScheduleEntry[];
  due: DueQuestionnaire[];
}

/** One row of the clinic's due list (GET /measures/due). */
export interface ClinicDueQuestionnaire extends DueQuestionnaire {
  patient: { id: string; name: string };
}

/** GET /tasks?state=: open (unacknowledged, the server's default) or all. */
export type TaskState = 'open' | 'all';

/** What raised a task: a suicide-risk signal (high priority, escalates), a relapse or a positive bladder screen (medium, never escalate). */
export type TaskKind = 'suicide_risk' | 'relapse' | 'bladder_symptoms';

/** A task for a clinician to acknowledge. */
export interface EscalationTask {
  id: string;
  kind: TaskKind;
  priority: 'high' | 'medium';
  patient: { id: string; name: string };
  reasons: string[];
  instrument: string;
  response_id: string;
  /** The patient's responsible clinician; null: any prescriber. */
  assigned_to: ClinicianRef | null;
  created_at: string;
  /** When it goes to the medical director if nobody acknowledges it; null for a task that never escalates. */
  escalate_at: string | null;
  escalated: boolean;
  escalated_at: string | null;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  /** What the acknowledging clinician did; "" until acknowledged. */
  action: string;
  /** Whether this user may acknowledge it (the server's word). */
  can_acknowledge: boolean;
}

/** The clinic's measurement-based care settings (GET/POST /clinic/measurement-settings). */
export interface MeasurementSettings {
  /** 1–720. */
  link_lifetime_hours: number;
  /** 5–10080: an unacknowledged risk task goes to the medical director after this long. */
  escalation_minutes: number;
  /** 1–27: a PHQ-9 rise from the previous total that raises a task. */
  phq9_rise_points: number;
  /** 1 Low, 2 Moderate, 3 High: the lowest C-SSRS risk level that raises a task. */
  cssrs_min_level: number;
  /** Shown to a patient whose answers raised a risk signal; 1–2000 characters. */
  crisis_message: string;
  updated_at: string | null;
  updated_by: string | null;
}

/** Any subset of the settings (admin). */
export type MeasurementSettingsChange = Partial<Omit<MeasurementSettings, 'updated_at' | 'updated_by'>>;

// The catalogue and the patient's questionnaire link.
// The instrument catalogue (GET /instruments; the same entries arrive with a
// patient's questionnaire link) and the public link's routes. The staff types
// import Instrument, InstrumentItem, AnswerOption and SeverityBand from here.

/** One labelled answer to an item, e.g. {value: 0, label: "Not at all"}. */
export interface AnswerOption {
  value: number;
  label: string;
}

/** One question of an instrument. `options` is [] for a free whole number from min to max. */
export interface InstrumentItem {
  /** Stable: "phq9_1", …; "total" for a clinician-entered total. */
  code: string;
  text: string;
  min: number;
  max: number;
  options: AnswerOption[];
}

/** A severity band: applies when the total is at least min_total (bands ascend). */
export interface SeverityBand {
  min_total: number;
  label: string;
}

/** A catalogue entry: phq9, gad7, pcl5, bprs, madrs, cssrs, cadss, qids_sr16, pain_nrs, urinary, dissociation. */
export interface Instrument {
  code: string;
  /** Short name, e.g. "PHQ-9". */
  name: string;
  /** e.g. "Patient Health Questionnaire (PHQ-9)". */
  title: string;
  /** Shown above the items; "" for clinician totals. */
  instructions: string;
  /** Only "patient" instruments may be sent by link. */
  completion: 'patient' | 'clinician';
  total_only: boolean;
  min_total: number;
  max_total: number;
  items: InstrumentItem[];
  bands: SeverityBand[];
  bands_source: string;
  response_applies: boolean;
  remission_at_most: number | null;
  loinc_panel: string;
  loinc_total: string;
}

/** Answers to one instrument by item code, e.g. {"phq9_1": 2}. */
export type InstrumentAnswers = Record<string, number>;

/** GET /public/clinics/{clinic_id}/questionnaires/{token}: what the patient's link asks for. */
export interface PublicQuestionnaire {
  /** Only the clinic's name: the link never reveals who the patient is. */
  clinic: { name: string };
  expires_at: string;
  /** In the order the patient answers them. */
  instruments: Instrument[];
  /** Saved partial answers by instrument code, to resume. */
  answers: Record<string, InstrumentAnswers>;
  /** Codes of the instruments already submitted. */
  submitted: string[];
}

/** POST …/answers: what the server says after saving or submitting. */
export interface PublicAnswersSaved {
  submitted: string[];
  /** True once every instrument of the link is submitted: the link is then used up. */
  complete: boolean;
  /** The clinic's crisis-resources message, when the answers raised a risk signal. */
  crisis_message: string | null;
}
