// Responders and remitters after induction, by group (all patients, each route,
// each indication): started, assessed, each proportion with N and its 95 %
// confidence interval (in words, and as a band on a 0–100 % line), and the median
// time to response.
import type { OutcomeGroup, OutcomesDashboard, Proportion } from '../api';
import { figureText, intervalText, proportionText } from './dashboard_rules';
import { CiBar } from './RateBar';

const GROUP_HEADINGS: Record<OutcomeGroup['by'], string> = { all: 'All patients', route: 'By route', indication: 'By indication' };

export function OutcomeGroupsTable({ outcomes, instrumentName }: { outcomes: OutcomesDashboard['outcomes']; instrumentName: string }) {
  const kinds = (['all', 'route', 'indication'] as const).filter((by) => outcomes.groups.some((g) => g.by === by));
  return (
    <section class="panel" aria-labelledby="response-heading">
      <h2 id="response-heading">Response and remission after induction ({instrumentName})</h2>
      <p class="hint">
        Patients whose first session is in the range; assessed: with a baseline and a check within {outcomes.induction_days} days of the first session. Bands show the 95 % confidence interval.
      </p>
      {outcomes.groups.length === 0 ? (
        <p class="muted">No patient started treatment in this range.</p>
      ) : (
        <div class="table-scroll">
          <table class="chart-table outcome-groups">
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Started</th>
                <th scope="col">Assessed</th>
                <th scope="col">Responders</th>
                <th scope="col">Remitters</th>
                <th scope="col">Median days to response</th>
              </tr>
            </thead>
            {kinds.map((by) => (
              <tbody key={by}>
                {by !== 'all' && (
                  <tr class="group-kind">
                    <th scope="rowgroup" colSpan={6}>
                      {GROUP_HEADINGS[by]}
                    </th>
                  </tr>
                )}
                {outcomes.groups
                  .filter((g) => g.by === by)
                  .map((g) => (
                    <tr key={`${g.by}-${g.key}`}>
                      <th scope="row">{g.label}</th>
                      <td>{g.started}</td>
                      <td>{g.assessed}</td>
                      <ProportionCell p={g.responders} />
                      <ProportionCell p={g.remitters} />
                      <td>{figureText(g.median_days_to_response)}</td>
                    </tr>
                  ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

function ProportionCell({ p }: { p: Proportion }) {
  const interval = intervalText(p);
  return (
    <td class="proportion">
      <span>{proportionText(p)}</span>
      {interval && <span class="ci-text">{interval}</span>}
      {p.total > 0 && <CiBar rate={p.rate} lower={p.lower} upper={p.upper} />}
    </td>
  );
}
