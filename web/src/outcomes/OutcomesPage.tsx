// "Clinic outcomes" (/outcomes, admin and prescriber): the clinic dashboard. The
// filters live in the address (?from=&to=&route=&indication=&instrument=), so a
// link reopens the same view; the server's 400 shows next to the filter it names.
// Then the figures: active patients and sessions, sessions per week, response and
// remission after induction by group with 95 % intervals, adverse events, severe
// hypertension, discharge delays and alarms. Admins also get the research export.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, Instrument, OutcomesDashboard, ResearchExportFilters } from '../api';
import { useChartForm } from '../chart/use_chart_form';
import { instrumentName } from '../measures/measures_rules';
import { routeLabel } from '../sessions/session_rules';
import { DashboardFiltersForm } from './DashboardFiltersForm';
import { draftFromFilters, FILTER_FIELDS, filtersFromQuery, INDICATION_LABELS, queryFromFilters, readFilterDraft, type FilterDraft } from './dashboard_rules';
import { OutcomeGroupsTable } from './OutcomeGroupsTable';
import { ResearchExportPanel } from './ResearchExportPanel';
import { AdverseEventsPanel, AlarmsPanel, DischargePanel, HypertensionPanel } from './SafetyFigures';
import { WeeklySessionsChart } from './WeeklySessionsChart';

export function OutcomesPage({ api, canExport }: { api: ApiClient; canExport: boolean }) {
  const [draft, setDraft] = useState<FilterDraft>(() => draftFromFilters(filtersFromQuery(location.search)));
  const [dashboard, setDashboard] = useState<OutcomesDashboard | null>(null);
  const [catalogue, setCatalogue] = useState<Instrument[]>([]);
  const form = useChartForm(FILTER_FIELDS);

  const show = (d: FilterDraft) => {
    const read = readFilterDraft(d);
    void form.submit(
      () => ('problem' in read ? read.problem : null),
      async () => {
        if ('problem' in read) return '';
        const result = await api.getOutcomesDashboard(read.filters);
        setDashboard(result);
        history.replaceState(null, '', `/outcomes${queryFromFilters(read.filters)}`);
        return `Showing ${selectionText(result.filters, catalogue)}.`;
      },
    );
  };
  useEffect(() => {
    show(draft);
    // Only for the instruments' names and choices: without it the codes show.
    api.listInstruments().then(setCatalogue, () => undefined);
    // The first view comes from the address; later ones from "Show".
  }, [api]);

  return (
    <div class="page outcomes-page">
      <h1>Clinic outcomes</h1>
      <DashboardFiltersForm
        draft={draft}
        onDraft={(d, field) => {
          setDraft(d);
          form.clear(field);
        }}
        onSubmit={() => show(draft)}
        errorFor={form.errorFor}
        generalError={form.generalError}
        catalogue={catalogue}
        formRef={form.formRef}
        pending={form.pending}
      />
      <p role="status" class="form-status">
        {form.pending ? 'Loading the figures…' : dashboard ? `Showing ${selectionText(dashboard.filters, catalogue)}.` : ''}
      </p>
      {dashboard && (
        <>
          <dl class="dashboard-tiles">
            <div class="tile">
              <dt>Active patients</dt>
              <dd>{dashboard.active_patients}</dd>
            </div>
            <div class="tile">
              <dt>Sessions</dt>
              <dd>{dashboard.sessions}</dd>
            </div>
          </dl>
          <section class="panel" aria-labelledby="weekly-heading">
            <h2 id="weekly-heading">Sessions per week</h2>
            <WeeklySessionsChart weeks={dashboard.sessions_per_week} />
          </section>
          <OutcomeGroupsTable outcomes={dashboard.outcomes} instrumentName={instrumentName(catalogue, dashboard.outcomes.instrument)} />
          <div class="dashboard-columns">
            <AdverseEventsPanel events={dashboard.adverse_events} />
            <HypertensionPanel figure={dashboard.severe_hypertension} />
            <DischargePanel discharge={dashboard.discharge} />
            <AlarmsPanel alarms={dashboard.alarms} />
          </div>
          {canExport && <ResearchExportPanel api={api} filters={exportFilters(dashboard.filters)} selection={`patients treated ${selectionText({ ...dashboard.filters, instrument: '' }, catalogue)}`} />}
        </>
      )}
    </div>
  );
}

/** The export selects what the dashboard shows (its range as the server applied it), the instrument aside. */
function exportFilters(f: OutcomesDashboard['filters']): ResearchExportFilters {
  return { from: f.from, to: f.to, ...(f.route ? { route: f.route } : {}), ...(f.indication ? { indication: f.indication } : {}) };
}

/** "2025-11-22 to 2026-11-21, IV infusion, all indications, PHQ-9". */
function selectionText(filters: OutcomesDashboard['filters'], catalogue: readonly Instrument[]): string {
  const parts = [`${filters.from} to ${filters.to}`, filters.route ? routeLabel(filters.route) : 'all routes', filters.indication ? INDICATION_LABELS[filters.indication] : 'all indications'];
  if (filters.instrument) parts.push(instrumentName(catalogue, filters.instrument));
  return parts.join(', ');
}
