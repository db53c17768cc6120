// "Missed follow-up" (/follow-up, admin, prescriber, nurse, therapist): follow-up
// check-ins that are overdue (oldest due first, as the server orders them) and
// liver tests overdue for patients dosed in the last 180 days, each row linking
// to the patient's chart.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiClient, Instrument, MissedFollowUps } from '../api';
import { instrumentName } from '../measures/measures_rules';
import { patientChartPath } from '../navigation';
import { Link } from '../router';
import { problemFrom } from '../ui/form_problem';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; missed: MissedFollowUps };

export function MissedFollowUpPage({ api }: { api: ApiClient }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [catalogue, setCatalogue] = useState<Instrument[]>([]);
  const load = useCallback(() => {
    let live = true;
    setState((s) => (s.kind === 'loaded' ? s : { kind: 'loading' }));
    api.listMissedFollowUps().then(
      (missed) => live && setState({ kind: 'loaded', missed }),
      (e: unknown) => live && setState({ kind: 'failed', message: problemFrom(e).message }),
    );
    return () => {
      live = false;
    };
  }, [api]);
  useEffect(load, [load]);
  useEffect(() => {
    // Only for the instruments' names: without it the codes show.
    api.listInstruments().then(setCatalogue, () => undefined);
  }, [api]);

  return (
    <div class="page missed-follow-up">
      <div class="section-head">
        <h1>Missed follow-up</h1>
        <button type="button" class="secondary small-button" onClick={load}>
          Refresh
        </button>
      </div>
      {state.kind === 'loading' && (
        <p role="status" class="muted">
          Loading…
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="form-error">
          The missed follow-ups could not be loaded: {state.message}{' '}
          <button type="button" class="link-button" onClick={load}>
            Try again
          </button>
        </p>
      )}
      {state.kind === 'loaded' && (
        <>
          <MissedCheckIns items={state.missed.check_ins} catalogue={catalogue} />
          <OverdueLiverTests items={state.missed.liver_tests} />
        </>
      )}
    </div>
  );
}

function MissedCheckIns({ items, catalogue }: { items: MissedFollowUps['check_ins']; catalogue: readonly Instrument[] }) {
  return (
    <section class="panel wide" aria-labelledby="missed-check-ins-heading">
      <h2 id="missed-check-ins-heading">Overdue check-ins ({items.length})</h2>
      {items.length === 0 ? (
        <p class="muted">No follow-up check-in is overdue.</p>
      ) : (
        <div class="table-scroll">
          <table class="chart-table due-table">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Questionnaire</th>
                <th scope="col">Due on</th>
                <th scope="col">Missed</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.patient.id}-${item.instrument}-${item.due_on}`}>
                  <th scope="row">
                    <Link href={patientChartPath(item.patient.id)}>{item.patient.name}</Link>
                  </th>
                  <td>{instrumentName(catalogue, item.instrument)}</td>
                  <td>
                    <time dateTime={item.due_on}>{item.due_on}</time>
                  </td>
                  <td>{item.missed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function OverdueLiverTests({ items }: { items: MissedFollowUps['liver_tests'] }) {
  return (
    <section class="panel wide" aria-labelledby="liver-tests-heading">
      <h2 id="liver-tests-heading">Liver tests overdue ({items.length})</h2>
      <p class="hint">Patients dosed in the last 180 days, when the clinic has set a liver test interval (Clinic settings).</p>
      {items.length === 0 ? (
        <p class="muted">No liver test is overdue.</p>
      ) : (
        <div class="table-scroll">
          <table class="chart-table due-table">
            <thead>
              <tr>
                <th scope="col">Patient</th>
                <th scope="col">Last test</th>
                <th scope="col">Due on</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.patient.id}>
                  <th scope="row">
                    <Link href={patientChartPath(item.patient.id)}>{item.patient.name}</Link>
                  </th>
                  <td>{item.last_test_on ?? 'Never'}</td>
                  <td>
                    <time dateTime={item.due_on}>{item.due_on}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
