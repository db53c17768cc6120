// Which pages exist, which roles may open them, and what else a role may do
// (docs/api.md, "Roles and permissions"). The server enforces the same rules on
// the API; this only decides what the UI offers and renders.
import type { Role } from './api';

export type PagePath =
  | '/patients'
  | '/inbox'
  | '/measures'
  | '/enquiries'
  | '/waiting'
  | '/users'
  | '/audit'
  | '/settings'
  | '/consents'
  | '/dose-checks'
  | '/calendar'
  | '/station'
  | '/rems-forms'
  | '/follow-up'
  | '/outcomes'
  ;

export interface NavItem {
  path: PagePath;
  label: string;
  /** The page's own name (its heading and tab title) when it differs from the link's label. */
  title?: string;
  /** Roles that may open the page; undefined means every signed-in user. */
  allowed_roles?: readonly Role[];
}

/** Measurement-based care: the Measures tab, the due list and the risk-task inbox (not the front desk). */
const MEASURE_READERS: readonly Role[] = ['admin', 'prescriber', 'nurse', 'therapist'];

/** The clinic dashboards (dashboards.read): the medical director and prescribers. */
const DASHBOARD_READERS: readonly Role[] = ['admin', 'prescriber'];

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/patients', label: 'Patients' },
  { path: '/calendar', label: 'Calendar' },
  { path: '/station', label: 'Station', title: 'Nurse station', allowed_roles: MEASURE_READERS },
  { path: '/inbox', label: 'Inbox', allowed_roles: MEASURE_READERS },
  { path: '/measures', label: 'Questionnaires due', title: 'Due questionnaires', allowed_roles: MEASURE_READERS },
  { path: '/follow-up', label: 'Follow-up', title: 'Missed follow-up', allowed_roles: MEASURE_READERS },
  { path: '/dose-checks', label: 'Double checks', title: 'Dose double checks', allowed_roles: ['prescriber', 'nurse'] },
  { path: '/enquiries', label: 'Enquiries', allowed_roles: ['admin', 'front_desk', 'prescriber', 'nurse'] },
  { path: '/waiting', label: 'Waiting lists', allowed_roles: ['admin', 'front_desk', 'prescriber', 'nurse'] },
  { path: '/consents', label: 'Consent library' },
  { path: '/rems-forms', label: 'REMS forms', title: 'Spravato REMS forms', allowed_roles: MEASURE_READERS },
  { path: '/outcomes', label: 'Outcomes', title: 'Clinic outcomes', allowed_roles: DASHBOARD_READERS },
  { path: '/users', label: 'Users', allowed_roles: ['admin'] },
  { path: '/audit', label: 'Audit log', allowed_roles: ['admin'] },
  { path: '/settings', label: 'Clinic settings', allowed_roles: ['admin'] },
];

/** Where "/" and a fresh sign-in land. */
export const HOME_PATH: PagePath = '/patients';

export function navItemFor(path: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => item.path === path);
}

export function canOpen(item: NavItem, roles: readonly Role[]): boolean {
  return !item.allowed_roles || item.allowed_roles.some((role) => roles.includes(role));
}

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => canOpen(item, roles));
}

const PATIENT_REGISTRARS: readonly Role[] = ['admin', 'prescriber', 'nurse', 'front_desk'];

/** Whether the "Add patient" form is offered (a therapist alone may not register patients). */
export function canRegisterPatients(roles: readonly Role[]): boolean {
  return roles.some((role) => PATIENT_REGISTRARS.includes(role));
}

const ENQUIRY_HANDLERS: readonly Role[] = ['admin', 'front_desk'];

/** Whether enquiries may be added and moved on; prescribers and nurses only read them. */
export function canManageEnquiries(roles: readonly Role[]): boolean {
  return roles.some((role) => ENQUIRY_HANDLERS.includes(role));
}

/** Whether the Waiting lists page offers "Add program" and the capacity and offer-lifetime changes. */
export function canManageWaitingPrograms(roles: readonly Role[]): boolean {
  return roles.includes('admin');
}

/** Whether "Add person" is offered on a waiting list; prescribers and nurses mark urgent and clear instead (per entry, from allowed_actions). */
export function canAddToWaitingLists(roles: readonly Role[]): boolean {
  return roles.some((role) => ENQUIRY_HANDLERS.includes(role));
}

const HISTORY_EDITORS: readonly Role[] = ['admin', 'prescriber', 'nurse'];

/** Whether the chart offers history answers, medications, diagnoses and trials for editing. */
export function canEditHistory(roles: readonly Role[]): boolean {
  return roles.some((role) => HISTORY_EDITORS.includes(role));
}

/** Whether the Screening tab offers the decision form: the prescriber decides, no one else. */
export function canDecideEligibility(roles: readonly Role[]): boolean {
  return roles.includes('prescriber');
}

/** Whether the chart has a Measures tab (questionnaire scores, schedule, due list). */
export function canReadMeasures(roles: readonly Role[]): boolean {
  return roles.some((role) => MEASURE_READERS.includes(role));
}

const MEASURE_RECORDERS: readonly Role[] = ['admin', 'prescriber', 'nurse', 'therapist'];

/**
 * Whether the Measures tab offers recording and amending answers, sending a
 * questionnaire link, editing the schedule and naming the responsible clinician.
 */
export function canRecordMeasures(roles: readonly Role[]): boolean {
  return roles.some((role) => MEASURE_RECORDERS.includes(role));
}

const PATIENT_CHART_PATH = /^\/patients\/([^/]+)\/?$/;

/** The patient id when `path` is a patient's chart (/patients/{id}); otherwise undefined. */
export function patientChartId(path: string): string | undefined {
  const encoded = PATIENT_CHART_PATH.exec(path)?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined;
  }
}

/** The path of a patient's chart. */
export function patientChartPath(patientId: string): string {
  return `/patients/${encodeURIComponent(patientId)}`;
}

/** The page of the main navigation a path belongs to: a patient's chart is under Patients. */
export function sectionFor(path: string): NavItem | undefined {
  if (sessionPage(path)) return navItemFor('/station');
  if (progressLetterPatientId(path) !== undefined) return navItemFor('/patients');
  return patientChartId(path) === undefined ? navItemFor(path) : navItemFor('/patients');
}

/** The browser tab's title for a path (never a patient's name: tab titles show on shared screens). */
export function pageTitle(path: string): string {
  const item = navItemFor(path);
  const session = sessionPage(path);
  const label = session
    ? SESSION_PAGE_TITLES[session.view]
    : progressLetterPatientId(path) !== undefined
      ? 'Progress letter'
      : patientChartId(path) === undefined
        ? (item?.title ?? item?.label)
        : 'Patient chart';
  return label ? `${label} · KetaClinic` : 'KetaClinic';
}

const PUBLIC_REQUEST_PATH = /^\/request\/([^/]+)\/?$/;

/**
 * The clinic id when `path` is a public consultation request page
 * (/request/{clinic_id}), which needs no sign-in; otherwise undefined.
 */
export function publicRequestClinicId(path: string): string | undefined {
  const encoded = PUBLIC_REQUEST_PATH.exec(path)?.[1];
  if (encoded === undefined) return undefined;
  try {
    return decodeURIComponent(encoded);
  } catch {
    return undefined; // malformed escapes: not a page we can show
  }
}

/** The path of a clinic's public consultation request page. */
export function publicRequestPath(clinicId: string): string {
  return `/request/${encodeURIComponent(clinicId)}`;
}

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  prescriber: 'Prescriber',
  nurse: 'Nurse',
  therapist: 'Therapist',
  front_desk: 'Front desk',
  device: 'Device gateway (posts vital signs only)',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

const CONSENT_AUTHORS: readonly Role[] = ['admin', 'prescriber'];
const CONSENT_HANDLERS: readonly Role[] = ['admin', 'prescriber', 'nurse', 'front_desk'];
const CONSENT_COUNTERSIGNERS: readonly Role[] = ['prescriber', 'nurse'];
const CONSENT_WITHDRAWERS: readonly Role[] = ['admin', 'prescriber', 'nurse'];

/** Whether the consent library offers drafts, editing and publishing (admin, prescriber). */
export function canAuthorConsent(roles: readonly Role[]): boolean {
  return roles.some((role) => CONSENT_AUTHORS.includes(role));
}

/** Whether staff may open the tablet signing screen for a patient. */
export function canHandOverConsent(roles: readonly Role[]): boolean {
  return roles.some((role) => CONSENT_HANDLERS.includes(role));
}

/** Whether "Countersign" is offered on a signed consent (prescriber, nurse). */
export function canCountersignConsent(roles: readonly Role[]): boolean {
  return roles.some((role) => CONSENT_COUNTERSIGNERS.includes(role));
}

/** Whether "Record withdrawal" is offered (admin, prescriber, nurse). */
export function canWithdrawConsent(roles: readonly Role[]): boolean {
  return roles.some((role) => CONSENT_WITHDRAWERS.includes(role));
}

/** Whether "Accept this version" is offered on an outdated consent (prescriber). */
export function canAcceptConsentVersion(roles: readonly Role[]): boolean {
  return roles.includes('prescriber');
}

const CONSENT_SIGNING_PATH = /^\/consent-signing\/([^/]+)\/([^/]+)\/?$/;
const CONSENT_RECORD_PATH = /^\/consents\/([^/]+)\/print\/?$/;

function decoded(part: string | undefined): string | undefined {
  if (part === undefined) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** The tablet signing screen for a patient and a document: /consent-signing/{patientId}/{documentId}. */
export function consentSigningPath(patientId: string, documentId: string): string {
  return `/consent-signing/${encodeURIComponent(patientId)}/${encodeURIComponent(documentId)}`;
}

/** The patient and document when `path` is a signing screen; otherwise undefined. */
export function consentSigningTarget(path: string): { patientId: string; documentId: string } | undefined {
  const m = CONSENT_SIGNING_PATH.exec(path);
  const patientId = decoded(m?.[1]);
  const documentId = decoded(m?.[2]);
  return patientId !== undefined && documentId !== undefined ? { patientId, documentId } : undefined;
}

/** The printable record of a signed consent: /consents/{id}/print. */
export function consentRecordPath(consentId: string): string {
  return `/consents/${encodeURIComponent(consentId)}/print`;
}

/** The consent id when `path` is a printable record; otherwise undefined. */
export function consentRecordId(path: string): string | undefined {
  return decoded(CONSENT_RECORD_PATH.exec(path)?.[1]);
}
/** The chart's Dose tab: the medical director and clinicians who order or check doses. */
export function canReadDose(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'admin' || r === 'prescriber' || r === 'nurse');
}

/** Ordering and cancelling doses, overriding a soft limit: prescribers only. */
export function canOrderDose(roles: readonly Role[]): boolean {
  return roles.includes('prescriber');
}
const CALENDAR_BOOKERS: readonly Role[] = ['admin', 'front_desk', 'prescriber', 'nurse'];

/** Whether the calendar offers booking, cancelling and marking (every staff role but the therapist). */
export function canBookAppointments(roles: readonly Role[]): boolean {
  return roles.some((role) => CALENDAR_BOOKERS.includes(role));
}

/** Whether rooms, chairs and the calendar settings may be changed (admin). */
export function canManageCalendar(roles: readonly Role[]): boolean {
  return roles.includes('admin');
}

// The monitored session: the console (/sessions/{id}) and its printable views, all
// under Station in the navigation. sessions_read: admin, prescriber, nurse, therapist;
// sessions_run (every change): prescriber, nurse; the discharge override: prescriber.
export type SessionPageView = 'console' | 'discharge-sheet' | 'rems-form';

const SESSION_PATH = /^\/sessions\/([^/]+)(?:\/(discharge-sheet|rems-form))?\/?$/;
const SESSION_PAGE_TITLES: Record<SessionPageView, string> = { console: 'Session console', 'discharge-sheet': 'Discharge sheet', 'rems-form': 'REMS monitoring form' };

/** The session and the view when `path` is a session's page; otherwise undefined. */
export function sessionPage(path: string): { sessionId: string; view: SessionPageView } | undefined {
  const m = SESSION_PATH.exec(path);
  const sessionId = decoded(m?.[1]);
  if (!m || sessionId === undefined) return undefined;
  return { sessionId, view: (m[2] as SessionPageView | undefined) ?? 'console' };
}

/** The path of a session's console, or of one of its printable views. */
export function sessionPath(sessionId: string, view: SessionPageView = 'console'): string {
  const base = `/sessions/${encodeURIComponent(sessionId)}`;
  return view === 'console' ? base : `${base}/${view}`;
}

export function canReadSessions(roles: readonly Role[]): boolean {
  return roles.some((role) => MEASURE_READERS.includes(role));
}

/** Whether the console offers its forms and buttons (check-in to discharge). */
export function canRunSessions(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'prescriber' || r === 'nurse');
}

/** Whether the discharge panel offers the override (with a reason). */
export function canOverrideDischarge(roles: readonly Role[]): boolean {
  return roles.includes('prescriber');
}

/** Whether the console offers the integration note (therapist, prescriber, nurse). */
export function canWriteSessionNotes(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'therapist' || r === 'prescriber' || r === 'nurse');
}

// Follow-up, outcomes and long-term safety (issue 7). outcomes.read: admin,
// prescriber, nurse, therapist; follow_up.write: prescriber, nurse, therapist;
// dashboards.read: admin, prescriber; research.export: admin.

/** Whether the chart has a Progress tab and the progress letter may be printed. */
export function canReadOutcomes(roles: readonly Role[]): boolean {
  return roles.some((role) => MEASURE_READERS.includes(role));
}

/** Whether the Progress tab offers the follow-up plan and the check-in form. */
export function canWriteFollowUp(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'prescriber' || r === 'nurse' || r === 'therapist');
}

/** Whether the Outcomes page offers the research export (admin). */
export function canExportResearch(roles: readonly Role[]): boolean {
  return roles.includes('admin');
}

const PROGRESS_LETTER_PATH = /^\/patients\/([^/]+)\/progress-letter\/?$/;

/** The printable progress letter for the referring clinician: /patients/{id}/progress-letter. */
export function progressLetterPath(patientId: string): string {
  return `${patientChartPath(patientId)}/progress-letter`;
}

/** The patient id when `path` is a progress letter; otherwise undefined. */
export function progressLetterPatientId(path: string): string | undefined {
  return decoded(PROGRESS_LETTER_PATH.exec(path)?.[1]);
}
