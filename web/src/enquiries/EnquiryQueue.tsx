// The enquiry queue, newest first. The name opens the enquiry's details.
import type { Condition, Enquiry } from '../api';
import { formatDateTime, patientName } from '../ui/format';
import { CONTACT_METHOD_LABELS, SOURCE_LABELS, conditionLabels } from './enquiry_rules';
import { EnquiryStatusBadge } from './EnquiryStatusBadge';

interface EnquiryQueueProps {
  enquiries: Enquiry[];
  conditions: readonly Condition[];
  selectedId: string | null;
  onSelect: (enquiry: Enquiry) => void;
}

export function EnquiryQueue({ enquiries, conditions, selectedId, onSelect }: EnquiryQueueProps) {
  if (enquiries.length === 0) return null;
  return (
    <div class="table-scroll">
      <table class="enquiry-queue">
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Name</th>
            <th scope="col">Contact</th>
            <th scope="col">Preferred</th>
            <th scope="col">Conditions</th>
            <th scope="col">Source</th>
            <th scope="col">Status</th>
            <th scope="col">Linked</th>
          </tr>
        </thead>
        <tbody>
          {enquiries.map((enquiry) => {
            const selected = enquiry.id === selectedId;
            return (
              <tr key={enquiry.id} class={selected ? 'selected' : undefined}>
                <td>
                  <ReceivedAt iso={enquiry.created_at} />
                </td>
                <th scope="row">
                  <button type="button" class="link-button" onClick={() => onSelect(enquiry)} aria-current={selected ? 'true' : undefined}>
                    {patientName(enquiry)}
                  </button>
                </th>
                <td class="contact">
                  <span class="contact-line">{enquiry.email}</span>
                  <span class="contact-line">{enquiry.phone}</span>
                </td>
                <td>{CONTACT_METHOD_LABELS[enquiry.preferred_contact]}</td>
                <td>{conditionLabels(enquiry.conditions, conditions).join(', ')}</td>
                <td>{SOURCE_LABELS[enquiry.source]}</td>
                <td>
                  <EnquiryStatusBadge status={enquiry.status} />
                </td>
                <td>{enquiry.linked_count}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Date over time, to keep the column narrow. */
function ReceivedAt({ iso }: { iso: string }) {
  const [date, time] = formatDateTime(iso).split(' ');
  return (
    <time dateTime={iso} class="received-at">
      <span>{date}</span> <span>{time}</span>
    </time>
  );
}
