// Later requests from the same e-mail or phone within 30 days, shown inside the first.
import type { Condition, Enquiry } from '../api';
import { formatDateTime, patientName } from '../ui/format';
import { SOURCE_LABELS, conditionLabels } from './enquiry_rules';

interface LinkedRequestsProps {
  linked: Enquiry[];
  conditions: readonly Condition[];
}

export function LinkedRequests({ linked, conditions }: LinkedRequestsProps) {
  return (
    <section aria-labelledby="linked-heading">
      <h3 id="linked-heading">Later requests from the same person</h3>
      {linked.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ol class="event-list linked-requests">
          {linked.map((request) => {
            const labels = conditionLabels(request.conditions, conditions);
            return (
              <li key={request.id}>
                <time dateTime={request.created_at}>{formatDateTime(request.created_at)}</time> · {SOURCE_LABELS[request.source].toLowerCase()} ·{' '}
                {patientName(request)}
                {labels.length > 0 && <span class="event-text">Conditions: {labels.join(', ')}</span>}
                {request.reason_text && <span class="event-text preserve-lines">{request.reason_text}</span>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
