// Audit events, newest first. Times are local; hover shows the exact UTC instant.
// Fields that do not apply arrive as "" and show as a dash.
import type { AuditEntry } from '../api';
import { formatDateTime } from '../ui/format';

const NONE = '—';

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="audit-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Role</th>
            <th scope="col">Action</th>
            <th scope="col">Entity type</th>
            <th scope="col">Entity id</th>
            <th scope="col">Outcome</th>
            <th scope="col">Client address</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <td>
                <time dateTime={entry.at} title={entry.at}>
                  {formatDateTime(entry.at)}
                </time>
              </td>
              <td>{entry.user_email || entry.user_id || NONE}</td>
              <td>{entry.role || NONE}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.entity_type || NONE}</td>
              <td>
                <span class="entity-id">{entry.entity_id || NONE}</span>
              </td>
              <td>
                <span class={`outcome outcome-${entry.outcome}`}>{entry.outcome}</span>
              </td>
              <td>{entry.client_address || NONE}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
