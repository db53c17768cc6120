// Who moved the enquiry on, when, and why: oldest first.
import type { EnquiryStatusChange } from '../api';
import { formatDateTime } from '../ui/format';
import { EnquiryStatusBadge } from './EnquiryStatusBadge';

export function EnquiryHistory({ history }: { history: EnquiryStatusChange[] }) {
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">Status history</h3>
      {history.length === 0 ? (
        <p class="muted">No changes yet.</p>
      ) : (
        <ol class="event-list enquiry-history">
          {history.map((change, i) => (
            <li key={i}>
              <EnquiryStatusBadge status={change.status} /> <time dateTime={change.at}>{formatDateTime(change.at)}</time>
              <span class="event-by">{change.user_email ? `by ${change.user_email}` : 'from the request page'}</span>
              {change.reason && <span class="event-text">Reason: {change.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
