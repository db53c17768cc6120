// The types of the KetaClinic server API, as api.ts (the client) sends and receives
// them. Field names and shapes follow docs/api.md.

export const ROLES = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk', 'device'] as const;
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

/** A correction: the entry is kept and shown struck through, and no rule counts it. */
export interface EnteredInError {
  at: string;
  /** The marking user's e-mail. */
  by: string;
  reason: string;
}

/** Every entry of the record that can be marked entered in error carries the mark (null: valid). */
export interface Correctable {
  entered_in_error?: EnteredInError | null;
}

/** The record lists whose entries can be marked entered in error (their URL segments). */
export type CorrectableList = 'measurements' | 'allergies' | 'baseline-tests' | 'medications' | 'diagnoses' | 'trials';

export interface Medication extends Correctable {
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

export interface Diagnosis extends DiagnosisChoice, Correctable {
  id: string;
  recorded_at: string;
}

export const TRIAL_RESPONSES = ['none', 'partial', 'full', 'not_tolerated'] as const;
export type TrialResponse = (typeof TRIAL_RESPONSES)[number];

/** A prior treatment trial (e.g. an antidepressant) and how the patient responded. */
export interface TreatmentTrial extends Correctable {
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

interface RecordedEntry extends Correctable {
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

// Measurement-based care: the catalogue, a patient's measures, tasks and settings,
// and the patient's questionnaire link.
export * from './measures_api_types';

export * from './consent_api_types';
// Treatment plans, proposals, PK simulations and plan settings.
export * from './plans_api_types';
export * from './dose_api_types';
export * from './calendar_api_types';
export * from './sessions_api_types';
// Follow-up, outcomes and long-term safety: settings, a patient's progress,
// check-ins, missed follow-ups, the clinic dashboard and the research export.
export * from './outcomes_api_types';
