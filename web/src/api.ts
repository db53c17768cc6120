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

export * from './api_types';
import type { ClinicDueQuestionnaire, Clinician, ClinicianRef, CreatedQuestionnaireLink, EscalationTask, Instrument, InstrumentAnswers, MeasurementSettings, MeasurementSettingsChange, NewMeasureResponse, PatientMeasures, PublicAnswersSaved, PublicQuestionnaire, RecordedMeasureResponse, ScheduleEntry, ScheduleSaved, TaskState } from './measures_api_types';
import type { User, Session, Page, NewUser, AuditEntry, AuditQuery, Patient, NewPatient, HistoryAnswer, CorrectableList, EnteredInError, Medication, NewMedication, Diagnosis, TreatmentTrial, NewTreatmentTrial, PatientHistory, EligibilityDecision, NewEligibilityDecision, Screening, PatientRecord, DemographicsChange, Measurement, NewMeasurement, Allergy, NewAllergy, BaselineTest, NewBaselineTest, EnquiryStatus, EnquiryFilter, PublicClinic, EnquiryDetails, ConsultationRequest, ConsultationReceipt, Enquiry, EnquiryWithHistory, WaitingFilter, WaitingAction, WaitingProgram, NewWaitingProgram, WaitingProgramChange, WaitingPerson, WaitingListJoin, WaitingEntry } from './api_types';

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
  /** The identity with the demographics and contacts. */
  getPatient(id: string): Promise<PatientRecord> {
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
  /** Marks an entry of a record list entered in error with the reason (admin, prescriber, nurse); 409 already_entered_in_error. */
  markEnteredInError(id: string, list: CorrectableList, entryId: string, reason: string): Promise<{ id: string; entered_in_error: EnteredInError }> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/${list}/${encodeURIComponent(entryId)}/entered-in-error`, { reason });
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

  /** Changes demographics (admin, prescriber, nurse, front desk): send only what changed. 400 by field. */
  updateDemographics(id: string, change: DemographicsChange): Promise<PatientRecord> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/demographics`, change);
  }
  /** Weights and heights, newest first. */
  async listMeasurements(id: string): Promise<Measurement[]> {
    return (await this.request<{ items: Measurement[] }>('GET', `/patients/${encodeURIComponent(id)}/measurements`)).items;
  }
  /** Records a weight or a height (admin, prescriber, nurse); 400 on weight_kg, height_cm or measured_on. */
  addMeasurement(id: string, measurement: NewMeasurement): Promise<Measurement> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/measurements`, measurement);
  }
  /** Allergies, oldest first. */
  async listAllergies(id: string): Promise<Allergy[]> {
    return (await this.request<{ items: Allergy[] }>('GET', `/patients/${encodeURIComponent(id)}/allergies`)).items;
  }
  /** Records an allergy (admin, prescriber, nurse); 409 already_recorded for a substance already listed. */
  addAllergy(id: string, allergy: NewAllergy): Promise<Allergy> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/allergies`, allergy);
  }
  /** ECG, liver and renal tests, newest first. */
  async listBaselineTests(id: string): Promise<BaselineTest[]> {
    return (await this.request<{ items: BaselineTest[] }>('GET', `/patients/${encodeURIComponent(id)}/baseline-tests`)).items;
  }
  /** Records a baseline test (admin, prescriber, nurse); 400 on kind, taken_on or result. */
  addBaselineTest(id: string, test: NewBaselineTest): Promise<BaselineTest> {
    return this.request('POST', `/patients/${encodeURIComponent(id)}/baseline-tests`, test);
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
  /**
   * Registers the person behind an enquiry as a patient (admin, front desk), copying
   * names, phone and e-mail. 400 on field date_of_birth, 409 already_registered.
   */
  registerEnquiryPatient(id: string, dateOfBirth: string): Promise<Enquiry> {
    return this.request('POST', `/enquiries/${encodeURIComponent(id)}/register`, { date_of_birth: dateOfBirth });
  }

  /** The clinic's programs with their places and waiting counts (admin, front desk, prescriber, nurse). */
  async listWaitingPrograms(): Promise<WaitingProgram[]> {
    return (await this.request<{ items: WaitingProgram[] }>('GET', '/waiting-programs')).items;
  }
  /** Adds a program (admin; 400 on field name, capacity or offer_hours). */
  createWaitingProgram(program: NewWaitingProgram): Promise<WaitingProgram> {
    return this.request('POST', '/waiting-programs', program);
  }
  /** Changes capacity and offer lifetime (admin); more capacity makes offers at once. */
  updateWaitingProgram(id: string, change: WaitingProgramChange): Promise<WaitingProgram> {
    return this.request('POST', `/waiting-programs/${encodeURIComponent(id)}`, change);
  }
  /** A program's list, urgent first, then by join time; lapsed offers are expired first. */
  async listWaitingEntries(programId: string, status: WaitingFilter): Promise<WaitingEntry[]> {
    const path = `/waiting-programs/${encodeURIComponent(programId)}/entries` + queryString({ status });
    return (await this.request<{ items: WaitingEntry[] }>('GET', path)).items;
  }
  /** Staff add someone (for instance a caller) to a list; 400 by field. */
  addWaitingEntry(programId: string, person: WaitingPerson): Promise<WaitingEntry> {
    return this.request('POST', `/waiting-programs/${encodeURIComponent(programId)}/entries`, person);
  }
  /** One of the entry's allowed_actions; 400 on field reason (mark_urgent, remove), 409 invalid_transition, 403. */
  takeWaitingAction(entryId: string, action: WaitingAction, reason = ''): Promise<WaitingEntry> {
    return this.request('POST', `/waiting-entries/${encodeURIComponent(entryId)}/actions`, { action, reason });
  }
  /** Public (no sign-in): a visitor joins a waiting list. 202 also for bots and repeats. */
  joinWaitingList(clinicId: string, programId: string, join: WaitingListJoin): Promise<ConsultationReceipt> {
    const path = `/public/clinics/${encodeURIComponent(clinicId)}/waiting-lists/${encodeURIComponent(programId)}/entries`;
    return this.request('POST', path, join);
  }

  // Measurement-based care: staff routes (docs/api.md, "Measurement-based care")
  // Types are named through import() so this block needs no change to the import line above.

  /** The instrument catalogue (every clinical role). */
  async listInstruments(): Promise<Instrument[]> {
    return (await this.request<{ instruments: Instrument[] }>('GET', '/instruments')).instruments;
  }
  /** Scores, responses, links, schedule, due list and responsible clinician of one patient. */
  getPatientMeasures(patientId: string): Promise<PatientMeasures> {
    return this.request('GET', `/patients/${encodeURIComponent(patientId)}/measures`);
  }
  /**
   * Saves a draft or submits a response on the patient's behalf, or amends a submitted one.
   * 400 on field instrument, answers.{item} or amendment_reason; 409 already_submitted, already_amended.
   */
  recordMeasureResponse(patientId: string, response: NewMeasureResponse): Promise<RecordedMeasureResponse> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/responses`, response);
  }
  /** Sends the patient a link to patient-completion instruments (1–6); 400 on field instruments. */
  createQuestionnaireLink(patientId: string, instruments: readonly string[]): Promise<CreatedQuestionnaireLink> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/questionnaire-links`, { instruments });
  }
  /** Replaces the patient's whole schedule; 400 on fields such as entries[2].end. */
  replaceSchedule(patientId: string, entries: readonly ScheduleEntry[]): Promise<ScheduleSaved> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/schedule`, { entries });
  }
  /** Names a prescriber of the clinic as the patient's responsible clinician, or clears it (null). */
  async setResponsibleClinician(patientId: string, userId: string | null): Promise<ClinicianRef | null> {
    const path = `/patients/${encodeURIComponent(patientId)}/responsible-clinician`;
    return (await this.request<{ responsible_clinician: ClinicianRef | null }>('POST', path, { user_id: userId })).responsible_clinician;
  }
  /** The clinic's enabled prescribers, who may be responsible clinicians. */
  async listClinicians(): Promise<Clinician[]> {
    return (await this.request<{ clinicians: Clinician[] }>('GET', '/clinicians')).clinicians;
  }
  /** Every patient's due and overdue questionnaires, overdue first, then by due date. */
  async listDueQuestionnaires(): Promise<ClinicDueQuestionnaire[]> {
    return (await this.request<{ items: ClinicDueQuestionnaire[] }>('GET', '/measures/due')).items;
  }
  /** The risk tasks this user may see: unacknowledged first (escalated first, then oldest). */
  async listTasks(state: TaskState = 'open'): Promise<EscalationTask[]> {
    return (await this.request<{ tasks: EscalationTask[] }>('GET', '/tasks' + queryString({ state }))).tasks;
  }
  /** Acknowledges a task with what was done; 400 on field action, 409 already_acknowledged, 403. */
  acknowledgeTask(taskId: string, action: string): Promise<EscalationTask> {
    return this.request('POST', `/tasks/${encodeURIComponent(taskId)}/acknowledge`, { action });
  }
  getMeasurementSettings(): Promise<MeasurementSettings> {
    return this.request('GET', '/clinic/measurement-settings');
  }
  /** Changes any subset of the settings (admin); 400 naming the field. */
  updateMeasurementSettings(change: MeasurementSettingsChange): Promise<MeasurementSettings> {
    return this.request('POST', '/clinic/measurement-settings', change);
  }

  // Measurement-based care: the patient's questionnaire link (public, no sign-in)
  // (Types are named with import() so this block needs no change to the shared import line.)
  /** Public: what the link asks for, with saved answers. 404 link_not_found; 410 link_used or link_expired. */
  getPublicQuestionnaire(clinicId: string, token: string): Promise<PublicQuestionnaire> {
    return this.request('GET', `/public/clinics/${encodeURIComponent(clinicId)}/questionnaires/${encodeURIComponent(token)}`);
  }
  /**
   * Public: saves one instrument's answers (partial is fine) or, with submit, scores
   * and submits them (they must be complete). 400 on field "answers.<item>" or
   * "instrument"; 404/410 as above; 409 already_submitted.
   */
  savePublicAnswers(
    clinicId: string,
    token: string,
    instrument: string,
    answers: Readonly<InstrumentAnswers>,
    submit: boolean,
  ): Promise<PublicAnswersSaved> {
    const path = `/public/clinics/${encodeURIComponent(clinicId)}/questionnaires/${encodeURIComponent(token)}/answers`;
    return this.request('POST', path, { instrument, answers, submit });
  }

  // Informed consent: the library, a patient's consents, signing and the record.
  listConsentDocuments(): Promise<import('./consent_api_types').ConsentLibrary> {
    return this.request('GET', '/consent-documents');
  }
  getConsentDocument(id: string): Promise<import('./consent_api_types').ConsentDocument> {
    return this.request('GET', `/consent-documents/${encodeURIComponent(id)}`);
  }
  /** A new draft (admin, prescriber). 400 on title, body_markdown, kind or revision; 409 consent_draft_exists. */
  createConsentDraft(draft: import('./consent_api_types').NewConsentDraft): Promise<import('./consent_api_types').ConsentDocument> {
    return this.request('POST', '/consent-documents', draft);
  }
  /** Changes a draft's text; 409 consent_document_published once published. */
  editConsentDraft(id: string, title: string, body_markdown: string): Promise<import('./consent_api_types').ConsentDocument> {
    return this.request('POST', `/consent-documents/${encodeURIComponent(id)}`, { title, body_markdown });
  }
  /** 400 consent_sections_missing naming the missing sections; 409 consent_version_taken. */
  publishConsentDocument(id: string): Promise<import('./consent_api_types').ConsentDocument> {
    return this.request('POST', `/consent-documents/${encodeURIComponent(id)}/publish`);
  }
  getPatientConsents(patientId: string): Promise<import('./consent_api_types').PatientConsents> {
    return this.request('GET', `/patients/${encodeURIComponent(patientId)}/consents`);
  }
  /** The published document the tablet shows (409 consent_document_not_current otherwise). */
  getConsentForSigning(patientId: string, documentId: string): Promise<import('./consent_api_types').ConsentDocument> {
    return this.request('GET', `/patients/${encodeURIComponent(patientId)}/consent-documents/${encodeURIComponent(documentId)}`);
  }
  /** The patient's signature; 400 naming typed_name, acknowledged_sections or guardian_name/relationship. */
  signConsent(patientId: string, signature: import('./consent_api_types').ConsentSignature): Promise<import('./consent_api_types').PatientConsent> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/consents`, signature);
  }
  getConsentRecord(consentId: string): Promise<import('./consent_api_types').ConsentRecord> {
    return this.request('GET', `/consents/${encodeURIComponent(consentId)}`);
  }
  countersignConsent(consentId: string): Promise<import('./consent_api_types').PatientConsent> {
    return this.request('POST', `/consents/${encodeURIComponent(consentId)}/countersign`);
  }
  withdrawConsent(consentId: string, reason: string): Promise<import('./consent_api_types').PatientConsent> {
    return this.request('POST', `/consents/${encodeURIComponent(consentId)}/withdraw`, { reason });
  }
  acceptConsentVersion(consentId: string, reason: string): Promise<import('./consent_api_types').PatientConsent> {
    return this.request('POST', `/consents/${encodeURIComponent(consentId)}/accept-version`, { reason });
  }
  // Treatment plans and pharmacokinetic simulation (types named with import()).
  /** The patient's plan versions (newest first), the current one, diagnoses and latest weight. */
  getPatientPlans(patientId: string): Promise<import('./plans_api_types').PatientPlans> {
    return this.request('GET', `/patients/${encodeURIComponent(patientId)}/plans`);
  }
  /** Signs a new version (prescriber). 400 naming the field; 403; 409 stale_plan. */
  signPlan(patientId: string, plan: import('./plans_api_types').NewPlanVersion): Promise<import('./plans_api_types').TreatmentPlan> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/plans`, plan);
  }
  /** The current plan's sessions from `start` (YYYY-MM-DD). 404 no_plan. */
  getPlanProposal(patientId: string, start: string, horizonWeeks: number): Promise<import('./plans_api_types').PlanProposal> {
    return this.request('GET', `/patients/${encodeURIComponent(patientId)}/plans/current/proposal` + queryString({ start, horizon_weeks: horizonWeeks }));
  }
  /** Plasma concentration over time for planned doses. 400 naming the field (absorption_rate_needed, bioavailability_needed). */
  simulatePk(request: import('./plans_api_types').PkSimulationRequest): Promise<import('./plans_api_types').PkSimulation> {
    return this.request('POST', '/pk/simulation', request);
  }
  getPlanSettings(): Promise<import('./plans_api_types').PlanSettings> {
    return this.request('GET', '/clinic/plan-settings');
  }
  /** Changes any subset (admin); 400 naming the field. */
  updatePlanSettings(change: import('./plans_api_types').PlanSettingsChange): Promise<import('./plans_api_types').PlanSettings> {
    return this.request('POST', '/clinic/plan-settings', change);
  }
  /** The clinic's eligibility rules, each with its setting, and the version history (every role). */
  getEligibilityRules(): Promise<import('./settings/eligibility_rules_api_types').EligibilityRules> {
    return this.request('GET', '/eligibility-rules');
  }
  /** Publishes the next version (admin, prescriber); 400 naming rules.<id>, reason or acknowledge_contraindication; 409 rules_changed. */
  publishEligibilityRules(change: import('./settings/eligibility_rules_api_types').EligibilityRulesChange): Promise<import('./settings/eligibility_rules_api_types').EligibilityRules> {
    return this.request('POST', '/eligibility-rules', change);
  }
  // Dosing (docs/api.md, "Dosing"). Types are named with import() so that the shared import line stays as it is.
  /** A preview: nothing is written. 400 naming the field (weight, concentration_mg_per_ml, dose_rule.*). */
  calculateDose(patientId: string, request: import('./dose_api_types').DoseRequest): Promise<import('./dose_api_types').DoseCalculation> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/dose-calculations`, request);
  }
  /** Prescriber: 400 as above or override_reason_required; 409 dose_above_limit; 403. */
  orderDose(patientId: string, request: import('./dose_api_types').DoseRequest): Promise<import('./dose_api_types').DoseOrder> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/dose-orders`, request);
  }
  async listDoseOrders(patientId: string): Promise<import('./dose_api_types').DoseOrder[]> {
    return (await this.request<{ items: import('./dose_api_types').DoseOrder[] }>('GET', `/patients/${encodeURIComponent(patientId)}/dose-orders`)).items;
  }
  getDoseOrder(orderId: string): Promise<import('./dose_api_types').DoseOrder> {
    return this.request('GET', `/dose-orders/${encodeURIComponent(orderId)}`);
  }
  /** The blind double check; 409 double_check_mismatch (field: the mismatched fields, comma-separated). */
  doubleCheckDose(orderId: string, entry: import('./dose_api_types').DoseCheckEntry): Promise<import('./dose_api_types').DoseOrder> {
    return this.request('POST', `/dose-orders/${encodeURIComponent(orderId)}/double-check`, entry);
  }
  cancelDoseOrder(orderId: string, reason: string): Promise<import('./dose_api_types').DoseOrder> {
    return this.request('POST', `/dose-orders/${encodeURIComponent(orderId)}/cancel`, { reason });
  }
  /** Orders awaiting a double check (ordered or blocked), oldest first. */
  async listDoseChecks(): Promise<import('./dose_api_types').DoseOrder[]> {
    return (await this.request<{ items: import('./dose_api_types').DoseOrder[] }>('GET', '/dose-checks')).items;
  }
  getExposure(patientId: string, on?: string): Promise<import('./dose_api_types').PatientExposure> {
    return this.request('GET', `/patients/${encodeURIComponent(patientId)}/exposure` + queryString({ on }));
  }
  getSessionSettings(): Promise<import('./sessions_api_types').SessionSettings> {
    return this.request('GET', '/clinic/session-settings');
  }
  updateSessionSettings(change: Record<string, number>): Promise<import('./sessions_api_types').SessionSettings> {
    return this.request('POST', '/clinic/session-settings', change);
  }
  getDoseSettings(): Promise<import('./dose_api_types').DoseSettings> {
    return this.request('GET', '/clinic/dose-settings');
  }
  updateDoseSettings(change: import('./dose_api_types').DoseSettingsChange): Promise<import('./dose_api_types').DoseSettings> {
    return this.request('POST', '/clinic/dose-settings', change);
  }
  // The calendar (docs/api.md, Calendar). Errors: 400 naming the field; 409
  // double_booking naming room_id, staff_ids or patient_id (items[i]. in a batch).
  listRooms(): Promise<{ items: import('./calendar_api_types').Room[] }> {
    return this.request('GET', '/rooms');
  }
  createRoom(room: Required<Pick<import('./calendar_api_types').RoomChange, 'name' | 'kind'>>): Promise<import('./calendar_api_types').Room> {
    return this.request('POST', '/rooms', room);
  }
  updateRoom(id: string, change: import('./calendar_api_types').RoomChange): Promise<import('./calendar_api_types').Room> {
    return this.request('POST', `/rooms/${encodeURIComponent(id)}`, change);
  }
  listCalendarStaff(): Promise<{ items: import('./calendar_api_types').BookableStaff[] }> {
    return this.request('GET', '/calendar/staff');
  }
  getCalendarSettings(): Promise<import('./calendar_api_types').CalendarSettings> {
    return this.request('GET', '/clinic/calendar-settings');
  }
  updateCalendarSettings(change: import('./calendar_api_types').CalendarSettingsChange): Promise<import('./calendar_api_types').CalendarSettings> {
    return this.request('POST', '/clinic/calendar-settings', change);
  }
  /** Appointments overlapping [from, to) (ISO 8601), optionally of one room. */
  listAppointments(from: string, to: string, roomId?: string): Promise<{ items: import('./calendar_api_types').Appointment[] }> {
    return this.request('GET', '/appointments' + queryString({ from, to, room_id: roomId }));
  }
  bookAppointment(booking: import('./calendar_api_types').NewAppointment): Promise<import('./calendar_api_types').BookedAppointment> {
    return this.request('POST', '/appointments', booking);
  }
  bookAppointments(items: import('./calendar_api_types').NewAppointment[]): Promise<{ items: import('./calendar_api_types').BookedAppointment[] }> {
    return this.request('POST', '/appointments/batch', { items });
  }
  /** The gates before a booked dosing session (409 not_a_dosing_session for other appointments). */
  getSessionReadiness(appointmentId: string): Promise<import('./calendar_api_types').SessionReadiness> {
    return this.request('GET', `/appointments/${encodeURIComponent(appointmentId)}/readiness`);
  }
  getAppointment(id: string): Promise<import('./calendar_api_types').Appointment> {
    return this.request('GET', `/appointments/${encodeURIComponent(id)}`);
  }
  cancelAppointment(id: string, reason: string): Promise<import('./calendar_api_types').CancelledAppointment> {
    return this.request('POST', `/appointments/${encodeURIComponent(id)}/cancel`, { reason });
  }
  setAppointmentStatus(id: string, status: 'completed' | 'no_show'): Promise<import('./calendar_api_types').Appointment> {
    return this.request('POST', `/appointments/${encodeURIComponent(id)}/status`, { status });
  }
  listPatientAppointments(patientId: string): Promise<{ items: import('./calendar_api_types').Appointment[] }> {
    return this.request('GET', `/patients/${encodeURIComponent(patientId)}/appointments`);
  }
  // The monitored session (docs/api.md, "Sessions"; types named with import()). Every
  // change answers the new SessionView. Errors: 400/422 naming the field; 409 with the
  // failed gate's code and the gate as field; 403 without sessions_run.
  /** Opens (201) or finds (200) the session of a dosing appointment; 409 not_a_dosing_session. */
  openSession(appointmentId: string): Promise<import('./sessions_api_types').SessionView> {
    return this.request('POST', '/sessions', { appointment_id: appointmentId });
  }
  /** Every session of the clinic not discharged or aborted (the nurse station). */
  async listActiveSessions(): Promise<import('./sessions_api_types').StationTile[]> {
    return (await this.request<{ items: import('./sessions_api_types').StationTile[] }>('GET', '/sessions?active=true')).items;
  }
  /** The sessions of one day (YYYY-MM-DD). */
  async listSessionsOn(day: string): Promise<import('./sessions_api_types').StationTile[]> {
    return (await this.request<{ items: import('./sessions_api_types').StationTile[] }>('GET', '/sessions' + queryString({ day }))).items;
  }
  /** The patient's sessions, newest first. */
  async listPatientSessions(patientId: string): Promise<import('./sessions_api_types').StationTile[]> {
    return (await this.request<{ items: import('./sessions_api_types').StationTile[] }>('GET', `/patients/${encodeURIComponent(patientId)}/sessions`)).items;
  }
  getSession(id: string): Promise<import('./sessions_api_types').SessionView> {
    return this.request('GET', `/sessions/${encodeURIComponent(id)}`);
  }
  /** Records the check-in facts: scheduled → checked_in, or updates them once checked in. */
  checkInSession(id: string, facts: import('./sessions_api_types').CheckIn): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/check-in', facts);
  }
  /** The decision on a pre-dose BP above the limit; a reason is required to proceed. */
  decidePreDoseBp(id: string, decision: 'proceed' | 'defer', reason: string): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/bp-decision', { decision, reason });
  }
  recordDrugLot(id: string, lot: string, expiryDate: string): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/drug-lot', { lot, expiry_date: expiryDate });
  }
  /** 409 transition_not_allowed (field transition) or the failed gate's code (field: the gate). */
  transitionSession(id: string, request: import('./sessions_api_types').TransitionRequest): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/transitions', request);
  }
  changeInfusionRate(id: string, rateMlPerH: number, reason: string): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/infusion', { rate_ml_per_h: rateMlPerH, reason });
  }
  /** One esketamine device given now (at least 5 min after the previous). */
  recordDeviceGiven(id: string): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/devices', {});
  }
  giveRescueMedicine(id: string, medicine: import('./sessions_api_types').NewRescueMedicine): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/rescue-medicines', medicine);
  }
  /** A serious adverse event needs a narrative (400 field narrative). */
  recordEffect(id: string, effect: import('./sessions_api_types').NewEffect): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/effects', effect);
  }
  /** Circulation and oxygen are scored by the server from the latest reading against the baseline. */
  recordAldrete(id: string, entry: import('./sessions_api_types').AldreteEntry): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/aldrete', entry);
  }
  recordDischargeChecks(id: string, checks: { escort_present: boolean; instructions_given: boolean }): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/discharge-checks', checks);
  }
  /** Prescriber only: passes the failed discharge gates, with the reason kept. */
  overrideDischarge(id: string, reason: string): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/discharge-override', { reason });
  }
  addSessionNote(id: string, text: string): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/notes', { text });
  }
  /** Books through the calendar (409 double_booking naming room_id or staff_ids) and links it. */
  bookSessionFollowUp(id: string, booking: import('./sessions_api_types').FollowUpBooking): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/follow-up', booking);
  }
  acknowledgeAlarm(id: string, alarmId: number): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, `/alarms/${encodeURIComponent(String(alarmId))}/acknowledge`, {});
  }
  /** 201; 422 naming the impossible value (readings[0].spo2_pct), and nothing is stored. */
  recordVitals(id: string, readings: import('./sessions_api_types').NewVitalsReading[]): Promise<import('./sessions_api_types').VitalsRecorded> {
    return this.sessionPost(id, '/vitals', { source: 'manual', readings });
  }
  /** The session's readings, oldest first. */
  async listVitals(id: string): Promise<import('./sessions_api_types').VitalsReading[]> {
    return (await this.request<{ items: import('./sessions_api_types').VitalsReading[] }>('GET', `/sessions/${encodeURIComponent(id)}/vitals`)).items;
  }
  /** The Spravato REMS Patient Monitoring Form; 409 not_esketamine for other routes. */
  getRemsForm(id: string): Promise<import('./sessions_api_types').RemsForm> {
    return this.request('GET', `/sessions/${encodeURIComponent(id)}/rems-form`);
  }
  /** `submittedOn` is YYYY-MM-DD. */
  markRemsFormSubmitted(id: string, submittedOn: string): Promise<import('./sessions_api_types').SessionView> {
    return this.sessionPost(id, '/rems-form/submitted', { submitted_on: submittedOn });
  }
  async listPendingRemsForms(): Promise<import('./sessions_api_types').PendingRemsForm[]> {
    return (await this.request<{ items: import('./sessions_api_types').PendingRemsForm[] }>('GET', '/rems-forms?pending=true')).items;
  }
  // Follow-up, outcomes and long-term safety (docs/api.md, issue 7).
  getOutcomeSettings(): Promise<import('./outcomes_api_types').OutcomeSettings> {
    return this.request('GET', '/outcome-settings');
  }
  /** Send only what changed; a nullable limit set to null is removed. 400 names the field. */
  updateOutcomeSettings(change: import('./outcomes_api_types').OutcomeSettingsChange): Promise<import('./outcomes_api_types').OutcomeSettings> {
    return this.request('POST', '/outcome-settings', change);
  }
  getProgress(patientId: string): Promise<import('./outcomes_api_types').PatientProgress> {
    return this.request('GET', `/patients/${encodeURIComponent(patientId)}/progress`);
  }
  /** Starts or replaces the follow-up plan (prescriber, nurse, therapist); 400 on start, interval_days, instruments. */
  startFollowUp(patientId: string, plan: import('./outcomes_api_types').FollowUpStart): Promise<import('./outcomes_api_types').PatientProgress> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/follow-up`, plan);
  }
  /** Ends the follow-up plan today; 409 no_follow_up when there is none. */
  endFollowUp(patientId: string, reason: string): Promise<import('./outcomes_api_types').PatientProgress> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/follow-up/end`, { reason });
  }
  /** A clinician's follow-up check-in; 400 on mme_per_day, note. */
  recordCheckIn(patientId: string, checkIn: import('./outcomes_api_types').NewCheckIn): Promise<import('./outcomes_api_types').FollowUpCheckIn> {
    return this.request('POST', `/patients/${encodeURIComponent(patientId)}/check-ins`, checkIn);
  }
  listMissedFollowUps(): Promise<import('./outcomes_api_types').MissedFollowUps> {
    return this.request('GET', '/follow-ups/missed');
  }
  /** The clinic dashboard; 400 names the filter (inverted_range on to, unknown_filter). */
  getOutcomesDashboard(filters: import('./outcomes_api_types').DashboardFilters): Promise<import('./outcomes_api_types').OutcomesDashboard> {
    return this.request('GET', '/dashboards/outcomes' + queryString({ ...filters }));
  }
  /** Starts a de-identified research export (admin); 202 with the running job. */
  startResearchExport(filters: import('./outcomes_api_types').ResearchExportFilters): Promise<import('./outcomes_api_types').ResearchExport> {
    return this.request('POST', '/exports/research', filters);
  }
  getResearchExport(id: string): Promise<import('./outcomes_api_types').ResearchExport> {
    return this.request('GET', `/exports/research/${encodeURIComponent(id)}`);
  }
  /** The address of a finished export's CSV, for a download link (the session cookie goes with it). */
  researchExportDataUrl(id: string): string {
    return `${this.baseUrl}/exports/research/${encodeURIComponent(id)}/data.csv`;
  }
  /** The address of the research data dictionary (column, type, description). */
  researchDictionaryUrl(): string {
    return `${this.baseUrl}/exports/research/dictionary.csv`;
  }

  private sessionPost<T>(id: string, path: string, body: unknown): Promise<T> {
    return this.request('POST', `/sessions/${encodeURIComponent(id)}${path}`, body);
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
