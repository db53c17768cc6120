// A patient's chart (/patients/{id}): the header that stays on every tab, then the
// tabs. Add a tab by adding an entry to `tabs` below. The Measures tab is lazy: it
// reads the patient's questionnaires only when first opened.
import type { ApiClient, Role } from '../api';
import { Link } from '../router';
import { ChartHeader } from './ChartHeader';
import { ChartTabs, type ChartTab } from './ChartTabs';
import { MeasuresTab } from '../measures/MeasuresTab';
import { HistoryTab } from './HistoryTab';
import { RecordTab } from './RecordTab';
import { ScreeningTab } from './ScreeningTab';
import { usePatientChart } from './use_patient_chart';
import { ConsentTab } from '../consent/ConsentTab';
import { PlanTab } from '../plans/PlanTab';
import { DoseTab } from '../dose/DoseTab';
import { canOrderDose, canReadDose } from '../navigation';
import { AppointmentsTab } from '../calendar/AppointmentsTab';
import { PatientSessionsTab } from '../sessions/PatientSessionsTab';
import { canReadSessions } from '../navigation';
import { canReadOutcomes, canWriteFollowUp } from '../navigation';
import { ProgressTab } from '../progress/ProgressTab';

interface PatientChartPageProps {
  api: ApiClient;
  patientId: string;
  /** The signed-in user's roles: a tab decides from them what it offers. */
  roles: readonly Role[];
  /** Offer the history's controls (admin, prescriber, nurse). */
  canEditHistory: boolean;
  /** Offer the eligibility decision form (prescriber). */
  canDecide: boolean;
  /** Offer the demographics form (admin, prescriber, nurse, front desk). */
  canEditDemographics: boolean;
  /** Show the Measures tab (admin, prescriber, nurse, therapist). */
  canReadMeasures: boolean;
  /** Offer recording answers, links, the schedule and the responsible clinician on it. */
  canRecordMeasures: boolean;
}

type Permissions = Omit<PatientChartPageProps, 'api' | 'patientId'>;

type Chart = ReturnType<typeof usePatientChart>;

export function PatientChartPage({ api, patientId, ...can }: PatientChartPageProps) {
  const chart = usePatientChart(api, patientId);
  const { state, reload } = chart;
  return (
    <div class="page chart">
      <p class="back-link">
        <Link href="/patients">Back to patients</Link>
      </p>
      {state.kind === 'loading' && (
        <>
          <h1>Patient chart</h1>
          <p role="status" class="muted">
            Loading the chart…
          </p>
        </>
      )}
      {state.kind === 'failed' && (
        <section class="panel" role="alert">
          <h1>{state.notFound ? 'Patient not found' : 'The chart could not be loaded'}</h1>
          <p>{state.notFound ? 'There is no patient with this address in your clinic. Find the patient on the Patients page.' : state.message}</p>
          {!state.notFound && (
            <button type="button" onClick={reload}>
              Try again
            </button>
          )}
        </section>
      )}
      {state.kind === 'loaded' && (
        <>
          <ChartHeader data={state.data} />
          {state.refreshError && (
            <p role="alert" class="form-error">
              {state.refreshError}{' '}
              <button type="button" class="link-button" onClick={reload}>
                Reload the chart
              </button>
            </p>
          )}
          <ChartTabs label="Chart sections" tabs={tabs(api, patientId, chart, can)} />
        </>
      )}
    </div>
  );
}

function tabs(api: ApiClient, patientId: string, chart: Chart, can: Permissions): ChartTab[] {
  const { state, refresh, recordSaved, reloadEntries } = chart;
  if (state.kind !== 'loaded') return [];
  const data = state.data;
  return [
    { id: 'history', label: 'History', panel: <HistoryTab api={api} patientId={patientId} history={data.history} canEdit={can.canEditHistory} onChanged={refresh} /> },
    { id: 'screening', label: 'Screening', panel: <ScreeningTab api={api} patientId={patientId} screening={data.screening} canDecide={can.canDecide} onChanged={refresh} /> },
    {
      id: 'record',
      label: 'Record',
      panel: (
        <RecordTab
          api={api}
          patientId={patientId}
          data={data}
          canEditDemographics={can.canEditDemographics}
          canEditClinical={can.canEditHistory}
          onRecordSaved={recordSaved}
          onEntryAdded={reloadEntries}
        />
      ),
    },
    ...(can.canReadMeasures ? [{ id: 'measures', label: 'Measures', lazy: true, panel: <MeasuresTab api={api} patientId={patientId} canRecord={can.canRecordMeasures} /> }] : []),
    ...(canReadOutcomes(can.roles) ? [{ id: 'progress', label: 'Progress', lazy: true, panel: <ProgressTab api={api} patientId={patientId} canWrite={canWriteFollowUp(can.roles)} /> }] : []),
    { id: 'consent', label: 'Consent', lazy: true, panel: <ConsentTab api={api} patientId={patientId} roles={can.roles} /> },
    ...(can.roles.some((r) => r === 'admin' || r === 'prescriber' || r === 'nurse' || r === 'therapist') ? [{ id: 'plan', label: 'Plan', lazy: true, panel: <PlanTab api={api} patientId={patientId} roles={can.roles} /> }] : []),
    ...(canReadDose(can.roles) ? [{ id: 'dose', label: 'Dose', lazy: true, panel: <DoseTab api={api} patientId={patientId} canOrder={canOrderDose(can.roles)} /> }] : []),
    { id: 'appointments', label: 'Appointments', lazy: true, panel: <AppointmentsTab api={api} patientId={patientId} /> },
    ...(canReadSessions(can.roles) ? [{ id: 'sessions', label: 'Sessions', lazy: true, panel: <PatientSessionsTab api={api} patientId={patientId} /> }] : []),
  ];
}
