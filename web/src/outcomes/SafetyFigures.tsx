// The Outcomes page's safety and flow figures: adverse events per 100 sessions by
// kind, the severe-hypertension rate beside its published reference, discharge
// delays after the minimum observation, and alarms per session by rule. Bars in
// the tables compare the rows; the numbers beside them say the same.
import type { OutcomesDashboard } from '../api';
import { figureText, intervalText, minutesText, percentText } from './dashboard_rules';
import { RateBar } from './RateBar';

export function AdverseEventsPanel({ events }: { events: OutcomesDashboard['adverse_events'] }) {
  const max = Math.max(0, ...events.by_kind.map((k) => k.per_100_sessions ?? 0));
  return (
    <section class="panel" aria-labelledby="adverse-heading">
      <h2 id="adverse-heading">Adverse events</h2>
      <p>
        <strong>{figureText(events.per_100_sessions)}</strong> per 100 sessions ({events.total} in all, {events.serious} serious).
      </p>
      {events.by_kind.length > 0 && (
        <table class="chart-table bar-table">
          <caption>Adverse events by kind</caption>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Count</th>
              <th scope="col">Per 100 sessions</th>
            </tr>
          </thead>
          <tbody>
            {events.by_kind.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{k.label}</th>
                <td>{k.count}</td>
                <td>
                  <div class="bar-cell">
                    <span>{figureText(k.per_100_sessions)}</span>
                    <RateBar value={k.per_100_sessions ?? 0} max={max} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function HypertensionPanel({ figure }: { figure: OutcomesDashboard['severe_hypertension'] }) {
  const interval = intervalText(figure.rate);
  return (
    <section class="panel" aria-labelledby="hypertension-heading">
      <h2 id="hypertension-heading">Severe hypertension</h2>
      <dl class="plan-facts">
        <dt>This clinic</dt>
        <dd>{figure.rate.total === 0 ? 'No sessions in this selection' : `${percentText(figure.rate.rate)} of sessions (${figure.sessions} of ${figure.rate.total})${interval && `; ${interval}`}`}</dd>
        <dt>Reference</dt>
        <dd>{figure.reference}</dd>
      </dl>
    </section>
  );
}

export function DischargePanel({ discharge }: { discharge: OutcomesDashboard['discharge'] }) {
  return (
    <section class="panel" aria-labelledby="discharge-heading">
      <h2 id="discharge-heading">Discharge</h2>
      <dl class="plan-facts">
        <dt>Discharged</dt>
        <dd>{discharge.discharged} sessions</dd>
        <dt>Median delay after the minimum observation</dt>
        <dd>{minutesText(discharge.median_minutes_after_minimum)}</dd>
        <dt>90th percentile</dt>
        <dd>{minutesText(discharge.p90_minutes_after_minimum)}</dd>
        <dt>Prescriber overrides</dt>
        <dd>{discharge.overrides}</dd>
      </dl>
    </section>
  );
}

export function AlarmsPanel({ alarms }: { alarms: OutcomesDashboard['alarms'] }) {
  const max = Math.max(0, ...alarms.by_rule.map((r) => r.count));
  return (
    <section class="panel" aria-labelledby="alarms-heading">
      <h2 id="alarms-heading">Alarms</h2>
      <p>
        <strong>{figureText(alarms.per_session, 2)}</strong> per session ({alarms.total} in all).
      </p>
      {alarms.by_rule.length > 0 && (
        <table class="chart-table bar-table">
          <caption>Alarms by rule</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            {alarms.by_rule.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.label}</th>
                <td>
                  <div class="bar-cell">
                    <span>{r.count}</span>
                    <RateBar value={r.count} max={max} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
