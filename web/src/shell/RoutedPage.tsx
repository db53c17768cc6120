// The page for the current path, or why there is none. A patient's chart
// (/patients/{id}) belongs to Patients. A page the user's roles do not allow is
// never rendered, so its API calls are never made.
import type { ApiClient, Role } from '../api';
import { AuditLogPage } from '../audit/AuditLogPage';
import { EnquiriesPage } from '../enquiries/EnquiriesPage';
import { PatientChartPage } from '../chart/PatientChartPage';
import { ClinicSettingsPage } from '../settings/ClinicSettingsPage';
import { DueQuestionnairesPage } from '../measures/DueQuestionnairesPage';
import { InboxPage } from '../inbox/InboxPage';
import {
  canAddToWaitingLists,
  canDecideEligibility,
  canEditHistory,
  canManageEnquiries,
  canManageWaitingPrograms,
  canOpen,
  canReadMeasures,
  canRecordMeasures,
  canRegisterPatients,
  patientChartId,
  sectionFor,
  type PagePath,
} from '../navigation';
import { PatientsPage } from '../patients/PatientsPage';
import { UsersPage } from '../users/UsersPage';
import { WaitingListsPage } from '../waiting/WaitingListsPage';
import { ConsentLibraryPage } from '../consent/ConsentLibraryPage';
import { ConsentRecordPage } from '../consent/ConsentRecordPage';
import { ConsentSigningPage } from '../consent/ConsentSigningPage';
import { canAuthorConsent, canHandOverConsent, consentRecordId, consentSigningTarget } from '../navigation';
import { DoseChecksPage } from '../dose/DoseChecksPage';
import { CalendarPage } from '../calendar/CalendarPage';
import { canBookAppointments } from '../navigation';
import { canRunSessions, sessionPage } from '../navigation';
import { SessionConsolePage } from '../sessions/SessionConsolePage';
import { DischargeSheetPage } from '../sessions/DischargeSheetPage';
import { RemsFormPage } from '../rems/RemsFormPage';
import { RemsFormsPage } from '../rems/RemsFormsPage';
import { StationPage } from '../station/StationPage';
import { canExportResearch, canReadOutcomes, progressLetterPatientId } from '../navigation';
import { ProgressLetterPage } from '../progress/ProgressLetterPage';
import { MissedFollowUpPage } from '../follow_up/MissedFollowUpPage';
import { OutcomesPage } from '../outcomes/OutcomesPage';

interface RoutedPageProps {
  path: string;
  roles: readonly Role[];
  /** The signed-in user's clinic. */
  clinicId: string;
  api: ApiClient;
}

export function RoutedPage({ path, roles, clinicId, api }: RoutedPageProps) {
  // Pages with an id in their path, other than a patient's chart, are matched first.
  const signing = consentSigningTarget(path);
  if (signing) {
    if (!canHandOverConsent(roles)) {
      return <PageMessage title="You do not have access to this page" text="Your roles do not include handing a consent to a patient to sign." />;
    }
    return <ConsentSigningPage api={api} patientId={signing.patientId} documentId={signing.documentId} />;
  }
  const consentRecord = consentRecordId(path);
  if (consentRecord !== undefined) return <ConsentRecordPage api={api} consentId={consentRecord} />;
  const item = sectionFor(path);
  if (!item) return <PageMessage title="Page not found" text="There is no page at this address. Use the links above." />;
  if (!canOpen(item, roles)) {
    return <PageMessage title="You do not have access to this page" text="Your roles do not include this page. Ask an administrator if you need it." />;
  }
  const session = sessionPage(path);
  if (session?.view === 'console') return <SessionConsolePage api={api} sessionId={session.sessionId} roles={roles} />;
  if (session?.view === 'discharge-sheet') return <DischargeSheetPage api={api} sessionId={session.sessionId} />;
  if (session?.view === 'rems-form') return <RemsFormPage api={api} sessionId={session.sessionId} canSubmit={canRunSessions(roles)} />;
  const letterFor = progressLetterPatientId(path);
  if (letterFor !== undefined) {
    if (!canReadOutcomes(roles)) return <PageMessage title="You do not have access to this page" text="Your roles do not include patients' progress." />;
    return <ProgressLetterPage api={api} patientId={letterFor} />;
  }
  const patientId = patientChartId(path);
  if (patientId !== undefined) {
    return (
      <PatientChartPage
        api={api}
        patientId={patientId}
        roles={roles}
        canEditHistory={canEditHistory(roles)}
        canDecide={canDecideEligibility(roles)}
        canEditDemographics={canRegisterPatients(roles)}
        canReadMeasures={canReadMeasures(roles)}
        canRecordMeasures={canRecordMeasures(roles)}
      />
    );
  }
  return pageFor(item.path, roles, clinicId, api);
}

function pageFor(path: PagePath, roles: readonly Role[], clinicId: string, api: ApiClient) {
  switch (path) {
    case '/patients':
      return <PatientsPage api={api} canRegister={canRegisterPatients(roles)} />;
    case '/enquiries':
      return <EnquiriesPage api={api} clinicId={clinicId} canManage={canManageEnquiries(roles)} />;
    case '/waiting':
      return <WaitingListsPage api={api} canManagePrograms={canManageWaitingPrograms(roles)} canAddPeople={canAddToWaitingLists(roles)} />;
    case '/users':
      return <UsersPage api={api} />;
    case '/audit':
      return <AuditLogPage api={api} />;
    case '/inbox':
      return <InboxPage api={api} />;
    case '/measures':
      return <DueQuestionnairesPage api={api} />;
    case '/settings':
      return <ClinicSettingsPage api={api} />;
    case '/consents':
      return <ConsentLibraryPage api={api} canAuthor={canAuthorConsent(roles)} />;
    case '/dose-checks':
      return <DoseChecksPage api={api} />;
    case '/calendar':
      return <CalendarPage api={api} canBook={canBookAppointments(roles)} canOpenSession={canRunSessions(roles)} />;
    case '/station':
      return <StationPage api={api} canRun={canRunSessions(roles)} />;
    case '/rems-forms':
      return <RemsFormsPage api={api} />;
    case '/follow-up':
      return <MissedFollowUpPage api={api} />;
    case '/outcomes':
      return <OutcomesPage api={api} canExport={canExportResearch(roles)} />;
  }
}

function PageMessage({ title, text }: { title: string; text: string }) {
  return (
    <section class="panel" role="alert">
      <h1>{title}</h1>
      <p>{text}</p>
    </section>
  );
}
