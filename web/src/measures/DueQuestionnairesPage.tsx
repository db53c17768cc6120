// "Due questionnaires" (/measures): every patient's due and overdue questionnaires,
// overdue first, each linked to the patient's chart.
import { useCallback } from 'preact/hooks';
import type { ApiClient, Instrument } from '../api';
import { patientChartPath } from '../navigation';
import { Link } from '../router';
import { ListStatus } from '../ui/ListStatus';
import { useServerList } from '../waiting/use_server_list';
import { instrumentName, RULE_LABELS, sortDue } from './measures_rules';

export function DueQuestionnairesPage({ api }: { api: ApiClient }) {
  const due = useServerList(useCallback(() => api.listDueQuestionnaires(), [api]));
  // Only for the instruments' names: without it the codes show.
  const catalogue = useServerList(useCallback(() => api.listInstruments(), [api]));
  const overdue = due.items.filter((d) => d.overdue).length;
  return (
    <div class="page">
      <h1>Due questionnaires</h1>
      <section class="panel wide" aria-labelledby="due-heading">
        <div class="section-head">
          <h2 id="due-heading">
            {due.loading ? 'Due and overdue' : `${due.items.length} due, ${overdue} overdue`}
          </h2>
          <button type="button" class="secondary small-button" onClick={() => void due.reload()}>
            Refresh
          </button>
        </div>
        {due.items.length > 0 && <DueTable items={sortDue(due.items)} catalogue={catalogue.items} />}
        <ListStatus list={due} emptyText="No questionnaires are due." />
      </section>
    </div>
  );
}

type DueItems = Awaited<ReturnType<ApiClient['listDueQuestionnaires']>>;

function DueTable({ items, catalogue }: { items: DueItems; catalogue: readonly Instrument[] }) {
  return (
    <div class="table-scroll">
      <table class="chart-table due-table">
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Questionnaire</th>
            <th scope="col">Rule</th>
            <th scope="col">Due on</th>
            <th scope="col">Status</th>
            <th scope="col">Missed</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.patient.id}-${item.instrument}-${item.rule}-${item.due_on}`} class={item.overdue ? 'is-overdue' : undefined}>
              <th scope="row">
                <Link href={patientChartPath(item.patient.id)}>{item.patient.name}</Link>
              </th>
              <td>{instrumentName(catalogue, item.instrument)}</td>
              <td>{RULE_LABELS[item.rule]}</td>
              <td class="since">
                <time dateTime={item.due_on}>{item.due_on}</time>
              </td>
              <td>{item.overdue ? <span class="badge badge-danger">Overdue</span> : 'Due'}</td>
              <td>{item.missed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
