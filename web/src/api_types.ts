// The types of the KetaClinic server API, as api.ts (the client) sends and receives
// them. Field names and shapes follow docs/api.md.

export const ROLES = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'] as const;
export type Role = (typeof ROLES)[number];

/** A staff account, as GET /users and the user routes return it. */
export interface User {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  disabled: boolean;
  locked: boolean;
  created_at: string;
}

/** Sign-in and /auth/me add the user's clinic. */
export interface SignedInUser extends User {
  clinic: { id: string; name: string };
}

export interface Session {
  user: SignedInUser;
  csrf_token: string;
  idle_timeout_s: number;
  absolute_expires_at: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface NewUser {
  email: string;
  display_name: string;
  roles: Role[];
  password: string;
}

/** One audit event. Text fields that do not apply are "" (no actor for the system, no entity id for a list). */
export interface AuditEntry {
  seq: number;
  at: string;
  user_id: string;
  user_email: string;
  /** The actor's roles joined with commas, or "system". */
  role: string;
  action: string;
  entity_type: string;
  entity_id: string;
  outcome: 'success' | 'denied';
  client_address: string;
}

export interface AuditQuery {
  action?: string;
  user_id?: string;
  entity_type?: string;
  entity_id?: string;
  from?: string;
  to?: string;
}

export interface Patient {
  id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  created_at: string;
}

export type NewPatient = Pick<Patient, 'given_name' | 'family_name' | 'date_of_birth'>;

export const HISTORY_ANSWERS = ['yes', 'no', 'unknown'] as const;
/** "unknown" is a real answer (nobody knows yet), never the same as "no". */
export type HistoryAnswer = (typeof HISTORY_ANSWERS)[number];

/** A question of the history the screening rules read. */
export interface HistoryQuestion {
  code: string;
  label: string;
}

/** The latest recorded answer to a question; a question without one is unknown. */
export interface RecordedAnswer {
  question: string;
  answer: HistoryAnswer;
  recorded_at: string;
  recorded_by: string;
}

export const MEDICATION_CLASSES = ['none', 'benzodiazepine', 'non_benzodiazepine_sedative_hypnotic', 'psychostimulant', 'maoi', 'opioid'] as const;
/** The interacting class of a medication; "none" for one that does not interact with ketamine. */
export type MedicationClass = (typeof MEDICATION_CLASSES)[number];

export interface Medication {
  id: string;
  name: string;
  class: MedicationClass;
  dose: string;
  started_at: string;
  /** null while the patient still takes it. */
  stopped_at: string | null;
}

export type NewMedication = Pick<Medication, 'name' | 'class' | 'dose'>;

/** An ICD-10-CM code from the clinic's pick list. */
export interface DiagnosisChoice {
  code: string;
  label: string;
}

export interface Diagnosis extends DiagnosisChoice {
  id: string;
  recorded_at: string;
}

export const TRIAL_RESPONSES = ['none', 'partial', 'full', 'not_tolerated'] as const;
export type TrialResponse = (typeof TRIAL_RESPONSES)[number];

/** A prior treatment trial (e.g. an antidepressant) and how the patient responded. */
export interface TreatmentTrial {
  id: string;
  drug: string;
  dose: string;
  weeks: number;
  response: TrialResponse;
}

export type NewTreatmentTrial = Omit<TreatmentTrial, 'id'>;

/** GET /patients/{id}/history: the documented history and the choices for adding to it. */
export interface PatientHistory {
  questions: HistoryQuestion[];
  answers: RecordedAnswer[];
  medications: Medication[];
  diagnoses: Diagnosis[];
  trials: TreatmentTrial[];
  diagnosis_choices: DiagnosisChoice[];
  medication_classes: MedicationClass[];
}

export const FINDING_OUTCOMES = ['exclude', 'needs_review', 'supports'] as const;
export type FindingOutcome = (typeof FINDING_OUTCOMES)[number];

/** What one screening rule says about the patient, and the facts it read ("label: value"). */
export interface Finding {
  rule: string;
  outcome: FindingOutcome;
  reason: string;
  source: string;
  facts: string[];
}

export const DECISIONS = ['eligible', 'eligible_with_conditions', 'not_eligible'] as const;
export type Decision = (typeof DECISIONS)[number];

/** A prescriber's eligibility decision. */
export interface EligibilityDecision {
  id: string;
  decision: Decision;
  reason: string;
  /** True when the decision overrode an exclusion finding. */
  override: boolean;
  override_reason: string;
  rule_version: string;
  decided_at: string;
  decided_by: string;
  /** The documented history changed after the decision in a way that matters. */
  needs_rescreen: boolean;
  rescreen_reason: string;
}

export interface NewEligibilityDecision {
  decision: Decision;
  reason: string;
  /** Required when an exclusion finding exists and the decision is not "not_eligible"; otherwise "". */
  override_reason: string;
}

/** GET /patients/{id}/screening: every finding of the current rules, and the latest decision. */
export interface Screening {
  rule_version: string;
  findings: Finding[];
  latest_decision: EligibilityDecision | null;
}

export const SEX_AT_BIRTH = ['female', 'male', 'intersex', 'unknown'] as const;
export type SexAtBirth = (typeof SEX_AT_BIRTH)[number];

/**
 * A patient's demographics and contacts. Text is "" when not recorded; phone numbers
 * come back as digits with an optional leading +, e-mail in lower case. A patient
 * under 18 has a guardian (name, relationship and phone).
 */
export interface Demographics {
  preferred_name: string;
  /** null until recorded (a patient registered before it was asked). */
  sex_at_birth: SexAtBirth | null;
  gender_identity: string;
  phone: string;
  email: string;
  emergency_contact_name: string;
  emergency_contact_relationship: string;
  emergency_contact_phone: string;
  /** Who usually takes the patient home after a session. */
  escort_name: string;
  escort_phone: string;
  referrer: string;
  guardian_name: string;
  guardian_relationship: string;
  guardian_phone: string;
}

/** GET /patients/{id}: the identity with the demographics and contacts. */
export interface PatientRecord extends Patient, Demographics {}

/** The fields POST /patients/{id}/demographics changes; any left out keep their value. */
export type DemographicsChange = Partial<Pick<Patient, 'given_name' | 'family_name' | 'date_of_birth'> & Omit<Demographics, 'sex_at_birth'> & { sex_at_birth: SexAtBirth }>;

interface RecordedEntry {
  id: string;
  recorded_at: string;
  /** The recording user's e-mail. */
  recorded_by: string;
}

/** A weight (kg, to the gram) or a height (cm, to the millimetre), measured on a date. */
export type Measurement = RecordedEntry & { measured_on: string } & ({ kind: 'weight'; weight_kg: number } | { kind: 'height'; height_cm: number });
export const MEASUREMENT_KINDS = ['weight', 'height'] as const;
export type MeasurementKind = (typeof MEASUREMENT_KINDS)[number];
/** measured_on left out: today (the clinic's UTC date). */
export type NewMeasurement = { measured_on?: string } & ({ weight_kg: number } | { height_cm: number });

export interface Allergy extends RecordedEntry {
  substance: string;
  /** What happened; "" when not known. */
  reaction: string;
}
export type NewAllergy = Pick<Allergy, 'substance' | 'reaction'>;

/** The baseline work-up (clinical reference §4, CPSBC draft): ECG, liver and renal tests. */
export const BASELINE_TEST_KINDS = ['ecg', 'liver', 'renal'] as const;
export type BaselineTestKind = (typeof BASELINE_TEST_KINDS)[number];

export interface BaselineTest extends RecordedEntry {
  kind: BaselineTestKind;
  taken_on: string;
  /** A short summary, at most 200 characters. */
  result: string;
}
export type NewBaselineTest = Pick<BaselineTest, 'kind' | 'taken_on' | 'result'>;

export const CONTACT_METHODS = ['email', 'phone', 'text'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

export const ENQUIRY_STATUSES = ['new', 'contacted', 'consultation_booked', 'closed'] as const;
export type EnquiryStatus = (typeof ENQUIRY_STATUSES)[number];
/** The queue's filter: one status, or "open" (every status but closed; the server's default). */
export type EnquiryFilter = EnquiryStatus | 'open';

export interface Condition {
  code: string;
  label: string;
}

/** What the public request page needs to know about a clinic (GET /public/clinics/{id}). */
export interface PublicClinic {
  id: string;
  name: string;
  conditions: Condition[];
  contact_methods: ContactMethod[];
  /** The waiting lists a visitor may join; absent or [] when there are none. */
  programs?: PublicWaitingProgram[];
  /** The clinic's crisis-resources text, shown when a visitor reports thoughts of suicide. */
  crisis_message?: string;
}

/** The fields a phone enquiry and a web request share. */
export interface EnquiryDetails {
  given_name: string;
  family_name: string;
  email: string;
  phone: string;
  /** "" only while a form is being filled in; the server requires one of CONTACT_METHODS. */
  preferred_contact: ContactMethod | '';
  /** Condition codes from PublicClinic.conditions. */
  conditions: string[];
  reason_text: string;
  heard_from: string;
}

/** The public form's body. `website` is the honeypot: people leave it empty. */
export interface ConsultationRequest extends EnquiryDetails {
  consent_to_contact: boolean;
  website: string;
}

/** 202 from the public form, also for duplicates and bots: the visitor cannot tell. */
export interface ConsultationReceipt {
  status: 'received';
  message: string;
}

export interface Enquiry extends EnquiryDetails {
  id: string;
  created_at: string;
  updated_at: string;
  source: 'web' | 'phone';
  status: EnquiryStatus;
  preferred_contact: ContactMethod;
  consent_to_contact: boolean;
  /** Why it was closed; "" while open. */
  close_reason: string;
  duplicate_of: string | null;
  /** Later requests from the same e-mail or phone within 30 days. */
  linked_count: number;
  /** The patient registered from this enquiry; null until then. */
  patient_id: string | null;
}

export interface EnquiryStatusChange {
  status: EnquiryStatus;
  at: string;
  /** "" when no staff member made the change (a request from the public page). */
  user_email: string;
  reason: string;
}

export interface EnquiryWithHistory extends Enquiry {
  linked: Enquiry[];
  history: EnquiryStatusChange[];
}

export const WAITING_STATUSES = ['waiting', 'offered', 'accepted', 'declined', 'expired', 'scheduled', 'removed'] as const;
export type WaitingStatus = (typeof WAITING_STATUSES)[number];
/** "active": waiting, offered, accepted, declined, expired (the server's default); "all" adds scheduled and removed. */
export type WaitingFilter = 'active' | 'all';

export const WAITING_ACTIONS = ['mark_urgent', 'clear', 'accept', 'decline', 'schedule', 'requeue', 'remove'] as const;
export type WaitingAction = (typeof WAITING_ACTIONS)[number];

/** A treatment program with a limited number of places and its waiting list. */
export interface WaitingProgram {
  id: string;
  name: string;
  /** How many people the program takes at once; raising it makes offers at once. */
  capacity: number;
  /** How long an offer stays open, in hours. */
  offer_hours: number;
  places_in_use: number;
  waiting_count: number;
  created_at: string;
}

export type NewWaitingProgram = Pick<WaitingProgram, 'name' | 'capacity' | 'offer_hours'>;
export type WaitingProgramChange = Pick<WaitingProgram, 'capacity' | 'offer_hours'>;

/** What the public page lists of a program. */
export type PublicWaitingProgram = Pick<WaitingProgram, 'id' | 'name'>;

/** The pre-screen questions asked on joining; "unknown" is a real answer, never "no". */
export interface Prescreen {
  pregnant: HistoryAnswer;
  substance_use: HistoryAnswer;
  high_blood_pressure: HistoryAnswer;
}

/** The person a staff member adds to a waiting list (POST /waiting-programs/{id}/entries). */
export interface WaitingPerson {
  given_name: string;
  family_name: string;
  email: string;
  phone: string;
  preferred_contact: ContactMethod;
  prescreen: Prescreen;
  age_years: number | null;
}

/** The public join form's body. `website` is the honeypot: people leave it empty. */
export interface WaitingListJoin extends WaitingPerson {
  consent_to_contact: boolean;
  website: string;
}

/** One person's place on a program's waiting list. */
export interface WaitingEntry extends WaitingPerson {
  id: string;
  program_id: string;
  status: WaitingStatus;
  urgent: boolean;
  /** "" unless urgent. */
  urgent_reason: string;
  /** False until a clinician has reviewed the pre-screen answers that need it; no offer before then. */
  cleared_for_offer: boolean;
  joined_at: string;
  offered_at: string | null;
  offer_expires_at: string | null;
  /** "" unless removed. */
  removed_reason: string;
  source: 'web' | 'staff';
  /** What the caller may do now: filtered by the entry's status and the caller's roles. */
  allowed_actions: WaitingAction[];
}


// --- Measurement-based care: staff types ---
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

/** A high-priority suicide-risk task for a clinician to acknowledge. */
export interface EscalationTask {
  id: string;
  kind: 'suicide_risk';
  priority: 'high';
  patient: { id: string; name: string };
  reasons: string[];
  instrument: string;
  response_id: string;
  /** The patient's responsible clinician; null: any prescriber. */
  assigned_to: ClinicianRef | null;
  created_at: string;
  /** When it goes to the medical director if nobody acknowledges it. */
  escalate_at: string;
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
// --- end of staff measurement types ---

// --- Measurement-based care: public questionnaire types ---
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
// --- end of public questionnaire types ---
