// Long-term safety on the Progress tab (clinical reference §5): the last 30 days'
// exposure against the clinic's limits, the running total, bladder screens, liver
// tests, the tolerance signal with the doses behind it, and reported memory or
// attention problems. The warnings themselves sit at the top of the tab.
import type { LongTermSafety } from '../api';
import { routeLabel } from '../sessions/session_rules';
import { formatDate, formatDateTime } from '../ui/format';
import { againstLimit, formatNumber } from './progress_rules';

export function SafetyPanel({ safety }: { safety: LongTermSafety }) {
  const { exposure, running_total: total, bladder, liver, tolerance } = safety;
  const over = (code: string) => safety.warnings.some((w) => w.code === code);
  return (
    <section class="panel safety-panel" aria-labelledby="safety-heading">
      <h2 id="safety-heading">Long-term safety</h2>
      <h3>
        Last 30 days ({exposure.from} to {exposure.to})
      </h3>
      <dl class="plan-facts safety-facts">
        <dt>Sessions</dt>
        <dd class={over('sessions_over_limit') ? 'over-limit' : undefined}>
          {againstLimit(exposure.sessions, exposure.limits.max_sessions_per_30_days)}
          {over('sessions_over_limit') && ' — over the limit'}
        </dd>
        <dt>Ketamine given</dt>
        <dd>{formatNumber(exposure.total_mg)} mg</dd>
        <dt>Per kg</dt>
        <dd class={over('mg_per_kg_over_limit') ? 'over-limit' : undefined}>
          {againstLimit(exposure.total_mg_per_kg, exposure.limits.max_mg_per_kg_per_30_days, ' mg/kg')}
          {over('mg_per_kg_over_limit') && ' — over the limit'}
          {exposure.without_weight > 0 && ` (${exposure.without_weight} ${exposure.without_weight === 1 ? 'dose' : 'doses'} without a recorded weight left out)`}
        </dd>
        <dt>Running total</dt>
        <dd>
          {total.sessions} {total.sessions === 1 ? 'session' : 'sessions'}, {formatNumber(total.total_mg)} mg
        </dd>
        <dt>Bladder screens</dt>
        <dd>
          {bladder.last_screen_at === null ? 'Never screened' : `Last ${formatDate(bladder.last_screen_at)}, total ${bladder.last_total ?? '—'}`}
          {`; ${bladder.positive_screens} positive`}
        </dd>
        <dt>Liver tests</dt>
        <dd class={liver.overdue ? 'over-limit' : undefined}>
          {liver.interval_days === null ? 'No interval set by the clinic' : `Every ${liver.interval_days} days`}
          {`; last ${liver.last_test_on ?? 'never'}`}
          {liver.due_on && `; due ${liver.due_on}`}
          {liver.overdue && ' — overdue'}
        </dd>
        <dt>Tolerance</dt>
        <dd class={tolerance.signal ? 'over-limit' : undefined}>{tolerance.signal ? 'Signal: doses rising over time' : 'No signal'}</dd>
      </dl>
      {tolerance.doses.length > 0 && (
        <div class="table-scroll">
          <table class="chart-table tolerance-doses">
            <caption>Doses in mg/kg, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Route</th>
                <th scope="col">mg/kg</th>
              </tr>
            </thead>
            <tbody>
              {tolerance.doses.map((d) => (
                <tr key={d.at}>
                  <th scope="row">{formatDateTime(d.at).slice(0, 16)}</th>
                  <td>{routeLabel(d.route)}</td>
                  <td>{formatNumber(d.mg_per_kg)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Memory or attention problems reported</h3>
      {safety.memory_attention.length === 0 ? (
        <p class="muted">None reported.</p>
      ) : (
        <ul class="memory-reports">
          {safety.memory_attention.map((m) => (
            <li key={m.at}>
              <time dateTime={m.at}>{formatDate(m.at)}</time> ({m.by}): <span class="preserve-lines">{m.note}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
