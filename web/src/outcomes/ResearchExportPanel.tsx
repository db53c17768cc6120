// The research export (admins only) on the Outcomes page: a de-identified CSV of
// the patients the current filters select (no names, contacts or identifiers;
// dates shifted per patient; ages capped at 90), with its data dictionary. The
// export runs on the server; the panel shows its progress, then the download link.
import type { ApiClient, ResearchExportFilters } from '../api';
import { useResearchExport } from './use_research_export';

interface ResearchExportPanelProps {
  api: ApiClient;
  /** The filters now applied to the dashboard (the instrument does not narrow an export). */
  filters: ResearchExportFilters;
  /** The range and selection in words, to say what will be exported. */
  selection: string;
}

export function ResearchExportPanel({ api, filters, selection }: ResearchExportPanelProps) {
  const { state, start } = useResearchExport(api);
  const job = state.kind === 'following' ? state.job : null;
  const busy = state.kind === 'starting' || job?.state === 'running';
  return (
    <section class="panel research-export" aria-labelledby="export-heading">
      <h2 id="export-heading">Research export</h2>
      <p>
        A de-identified CSV, one row per event, of {selection}: no names, contacts or identifiers; dates shifted per patient; ages capped at 90. Starting and downloading are recorded in the audit
        log.
      </p>
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void start(filters)}>
          {busy ? 'Exporting…' : job ? 'Start a new export' : 'Start research export'}
        </button>
        <a href={api.researchDictionaryUrl()} download>
          Data dictionary (CSV)
        </a>
      </div>
      <div role="status" class="export-status">
        {state.kind === 'starting' && <p>Starting the export…</p>}
        {job?.state === 'running' && (
          <p>
            <label for="export-progress">
              Exporting: {job.done} of {job.total || '…'} patients
            </label>{' '}
            <progress id="export-progress" value={job.done} max={job.total || 1} />
          </p>
        )}
        {job?.state === 'done' && (
          <p>
            Export ready: {job.rows} {job.rows === 1 ? 'row' : 'rows'}
            {job.rows === 0 && ' (nothing matched: the file holds the header row only)'}.{' '}
            <a href={api.researchExportDataUrl(job.id)} download>
              Download data.csv
            </a>
          </p>
        )}
      </div>
      {job?.state === 'failed' && (
        <p role="alert" class="form-error">
          The export failed: {job.error ?? 'no reason given'}. Start it again.
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="form-error">
          The export could not be started or followed: {state.message}
        </p>
      )}
    </section>
  );
}
