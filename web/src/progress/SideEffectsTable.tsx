// The patient's side-effect history across sessions, newest first as the server
// sends it; a serious event says so in words and is marked.
import type { SideEffectEntry } from '../api';
import { sessionPath } from '../navigation';
import { Link } from '../router';
import { formatDateTime } from '../ui/format';
import { severityLabel } from './progress_rules';

export function SideEffectsTable({ effects }: { effects: readonly SideEffectEntry[] }) {
  return (
    <section class="panel" aria-labelledby="side-effects-heading">
      <h2 id="side-effects-heading">Side effects</h2>
      {effects.length === 0 ? (
        <p class="muted">No side effects recorded.</p>
      ) : (
        <div class="table-scroll">
          <table class="chart-table side-effects">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Effect</th>
                <th scope="col">Severity</th>
                <th scope="col">Serious</th>
                <th scope="col">Intervention</th>
                <th scope="col">Outcome</th>
              </tr>
            </thead>
            <tbody>
              {effects.map((e) => (
                <tr key={`${e.session_id}-${e.at}-${e.kind}`} class={e.serious ? 'effect-serious-row' : undefined}>
                  <th scope="row">
                    <Link href={sessionPath(e.session_id)}>{formatDateTime(e.at).slice(0, 16)}</Link>
                  </th>
                  <td>{e.label}</td>
                  <td>{severityLabel(e.severity)}</td>
                  <td>{e.serious ? <strong class="serious">Serious</strong> : 'No'}</td>
                  <td>{e.intervention || '—'}</td>
                  <td>{e.outcome ? severityLabel(e.outcome) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
