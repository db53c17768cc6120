// The one typed client for the KetaClinic server API (base /api/v1).
//
// Every server call the UI makes goes through ApiClient. Contract:
// - Cookies are same-origin only; the session cookie is HttpOnly, so the client
//   never sees it. The CSRF token from the last login/me response is sent as
//   X-CSRF-Token on every non-GET request.
// - Failures throw ApiError (status, code, message, field) parsed from the body
//   {"error": {"code", "message", "field"?}}. A network failure is status 0.
// - A 401 from any call except login calls onUnauthorized (the session is gone).
// - Times are ISO 8601 UTC strings; dates of birth are YYYY-MM-DD.
// - The public/ calls (the consultation request page) need no session. They send
//   the CSRF token only if this client happens to hold one, which does no harm.

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

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** From Retry-After on 429 and 503, when the server sent it. */
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The part of fetch() the client uses; tests pass a fake. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

type Query = Record<string, string | number | undefined>;

/** The server refuses shorter passwords (validation_failed, field password). */
export const MIN_PASSWORD_LENGTH = 12;

/** Page size for list calls (the server's default page size). */
export const PAGE_SIZE = 50;

export class ApiClient {
  /** Called after a 401 from any call except login. */
  onUnauthorized: () => void = () => {};
  private csrfToken = '';

  constructor(
    private readonly fetchFn: Fetch = (url, init) => fetch(url, init),
    private readonly baseUrl = '/api/v1',
  ) {}

  async login(email: string, password: string): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/auth/login', { email, password }));
  }
  async me(): Promise<Session> {
    return this.remember(await this.request<Session>('GET', '/auth/me'));
  }
  async logout(): Promise<void> {
    try {
      await this.request<undefined>('POST', '/auth/logout');
    } finally {
      this.csrfToken = '';
    }
  }
  changePassword(current_password: string, new_password: string): Promise<void> {
    return this.request('POST', '/auth/password', { current_password, new_password });
  }

  listUsers(cursor?: string): Promise<Page<User>> {
    return this.request('GET', '/users' + queryString({ limit: PAGE_SIZE, cursor }));
  }
  /** Every user of the clinic, reading all pages. */
  async allUsers(): Promise<User[]> {
    const users: User[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.listUsers(cursor);
      users.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    return users;
  }
  createUser(user: NewUser): Promise<User> {
    return this.request('POST', '/users', user);
  }
  disableUser(id: string): Promise<User> {
    return this.request('POST', `/users/${encodeURIComponent(id)}/disable`);
  }
  enableUser(id: string): Promise<User> {
    return this.request('POST', `/users/${encodeURIComponent(id)}/enable`);
  }
  resetPassword(id: string, new_password: string): Promise<void> {
    return this.request('POST', `/users/${encodeURIComponent(id)}/reset-password`, { new_password });
  }

  listAudit(query: AuditQuery, cursor?: string): Promise<Page<AuditEntry>> {
    return this.request('GET', '/audit' + queryString({ ...query, limit: PAGE_SIZE, cursor }));
  }

  listPatients(q: string, cursor?: string): Promise<Page<Patient>> {
    return this.request('GET', '/patients' + queryString({ q, limit: PAGE_SIZE, cursor }));
  }
  createPatient(patient: NewPatient): Promise<Patient> {
    return this.request('POST', '/patients', patient);
  }
  getPatient(id: string): Promise<Patient> {
    return this.request('GET', `/patients/${encodeURIComponent(id)}`);
  }

  /** The patient's documented history (every role that may read patients). */
  getPatientHistory(id: string): Promise<PatientHistory> {
    return this.request('GET', `/patients/${encodeURIComponent(id)}/history`);
  }
  /** Records answers (admin, prescriber, nurse); send only the changed ones. 400 on field answers. */
  saveHistoryAnswers(id: string, answers: Readonly<Record<string, HistoryAnswer>>): Promise<PatientHistory> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/history`, { answers });
  }
  addMedication(id: string, medication: NewMedication): Promise<Medication> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/medications`, medication);
  }
  stopMedication(id: string, medicationId: string): Promise<Medication> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/medications/${encodeURIComponent(medicationId)}/stop`);
  }
  /** Adds a diagnosis from the pick list (400 on field code otherwise). */
  addDiagnosis(id: string, code: string): Promise<Diagnosis> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/diagnoses`, { code });
  }
  addTreatmentTrial(id: string, trial: NewTreatmentTrial): Promise<TreatmentTrial> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/trials`, trial);
  }
  /** The screening findings for the history as it is now, and the latest decision. */
  getScreening(id: string): Promise<Screening> {
    return this.request('GET', `/patients/${encodeURIComponent(id)}/screening`);
  }
  /** Records the prescriber's decision (403 for other roles; 400 on field reason or override_reason). */
  recordEligibilityDecision(id: string, decision: NewEligibilityDecision): Promise<EligibilityDecision> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/eligibility-decisions`, decision);
  }

  /** Public (no sign-in): the clinic's name and the choices its request page offers. */
  getPublicClinic(clinicId: string): Promise<PublicClinic> {
    return this.request('GET', `/public/clinics/${encodeURIComponent(clinicId)}`);
  }
  /** Public (no sign-in): a visitor asks for a consultation. */
  submitConsultationRequest(clinicId: string, request: ConsultationRequest): Promise<ConsultationReceipt> {
    return this.request('POST', `/public/clinics/${encodeURIComponent(clinicId)}/consultation-requests`, request);
  }

  /** The enquiry queue, newest first; later duplicates sit inside their first request. */
  listEnquiries(status: EnquiryFilter, cursor?: string): Promise<Page<Enquiry>> {
    return this.request('GET', '/enquiries' + queryString({ status, limit: PAGE_SIZE, cursor }));
  }
  /** Records an enquiry taken on the phone (admin, front desk). */
  createPhoneEnquiry(enquiry: EnquiryDetails): Promise<Enquiry> {
    return this.request('POST', '/enquiries', enquiry);
  }
  getEnquiry(id: string): Promise<EnquiryWithHistory> {
    return this.request('GET', `/enquiries/${encodeURIComponent(id)}`);
  }
  /** Moves an enquiry on (admin, front desk); closing needs a reason. 409 invalid_transition otherwise. */
  setEnquiryStatus(id: string, status: Exclude<EnquiryStatus, 'new'>, reason = ''): Promise<Enquiry> {
    return this.request('POST', `/enquiries/${encodeURIComponent(id)}/status`, { status, reason });
  }

  private remember(session: Session): Session {
    this.csrfToken = session.csrf_token;
    return session;
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchFn(this.baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, 'network_error', 'Cannot reach the server. Check the connection and try again.');
    }
    if (response.status === 401 && path !== '/auth/login') {
      this.csrfToken = '';
      this.onUnauthorized();
    }
    if (!response.ok) throw await errorFrom(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}

async function errorFrom(response: Response): Promise<ApiError> {
  const fallback = `The server could not complete the request (HTTP ${response.status}).`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string; field?: string } };
    const e = body.error;
    if (e?.code) return new ApiError(response.status, e.code, e.message || fallback, e.field || undefined, retryAfterS(response));
  } catch {
    // Not JSON (e.g. a proxy's error page): fall through to the generic error.
  }
  return new ApiError(response.status, `http_${response.status}`, fallback, undefined, retryAfterS(response));
}

/** Retry-After in seconds; the HTTP-date form is not used by the server. */
function retryAfterS(response: Response): number | undefined {
  const value = response.headers.get('Retry-After');
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
