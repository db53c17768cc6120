// A patient's chart (/patients/{id}): the header that stays on every tab, then the
// tabs. Add a tab by adding an entry to `tabs` below.
import type { ApiClient, PatientHistory } from '../api';
import { Link } from '../router';
import { ChartHeader } from './ChartHeader';
import { ChartTabs, type ChartTab } from './ChartTabs';
import { HistoryTab } from './HistoryTab';
import { ScreeningTab } from './ScreeningTab';
import { usePatientChart, type ChartData } from './use_patient_chart';

interface PatientChartPageProps {
  api: ApiClient;
  patientId: string;
  /** Offer the history's controls (admin, prescriber, nurse). */
  canEditHistory: boolean;
  /** Offer the eligibility decision form (prescriber). */
  canDecide: boolean;
}

export function PatientChartPage({ api, patientId, canEditHistory, canDecide }: PatientChartPageProps) {
  const { state, reload, refresh } = usePatientChart(api, patientId);
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
          <ChartTabs label="Chart sections" tabs={tabs(api, patientId, state.data, canEditHistory, canDecide, refresh)} />
        </>
      )}
    </div>
  );
}

function tabs(api: ApiClient, patientId: string, data: ChartData, canEditHistory: boolean, canDecide: boolean, refresh: (saved?: PatientHistory) => Promise<void>): ChartTab[] {
  return [
    { id: 'history', label: 'History', panel: <HistoryTab api={api} patientId={patientId} history={data.history} canEdit={canEditHistory} onChanged={refresh} /> },
    { id: 'screening', label: 'Screening', panel: <ScreeningTab api={api} patientId={patientId} screening={data.screening} canDecide={canDecide} onChanged={refresh} /> },
  ];
}
