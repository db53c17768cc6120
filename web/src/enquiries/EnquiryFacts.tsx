// Everything the person told us, as a description list.
import type { Condition, Enquiry } from '../api';
import { formatDateTime } from '../ui/format';
import { CONTACT_METHOD_LABELS, SOURCE_LABELS, conditionLabels } from './enquiry_rules';
import { EnquiryStatusBadge } from './EnquiryStatusBadge';

interface EnquiryFactsProps {
  enquiry: Enquiry;
  conditions: readonly Condition[];
}

export function EnquiryFacts({ enquiry, conditions }: EnquiryFactsProps) {
  const labels = conditionLabels(enquiry.conditions, conditions);
  return (
    <dl class="facts">
      <dt>Status</dt>
      <dd>
        <EnquiryStatusBadge status={enquiry.status} />
        {enquiry.close_reason && <span class="close-reason"> — {enquiry.close_reason}</span>}
      </dd>
      <dt>Received</dt>
      <dd>
        <time dateTime={enquiry.created_at}>{formatDateTime(enquiry.created_at)}</time> ({SOURCE_LABELS[enquiry.source].toLowerCase()})
      </dd>
      <dt>E-mail</dt>
      <dd>{enquiry.email ? <a href={`mailto:${enquiry.email}`}>{enquiry.email}</a> : <Missing />}</dd>
      <dt>Phone</dt>
      <dd>{enquiry.phone ? <a href={`tel:${enquiry.phone.replace(/[^0-9+]/g, '')}`}>{enquiry.phone}</a> : <Missing />}</dd>
      <dt>Preferred contact</dt>
      <dd>{CONTACT_METHOD_LABELS[enquiry.preferred_contact]}</dd>
      <dt>Conditions</dt>
      <dd>{labels.length ? labels.join(', ') : <Missing />}</dd>
      <dt>Anything else</dt>
      <dd class="preserve-lines">{enquiry.reason_text || <Missing />}</dd>
      <dt>Heard about us</dt>
      <dd>{enquiry.heard_from || <Missing />}</dd>
      {enquiry.source === 'web' && (
        <>
          <dt>Consent to contact</dt>
          <dd>{enquiry.consent_to_contact ? 'Yes' : 'No'}</dd>
        </>
      )}
      <dt>Last updated</dt>
      <dd>
        <time dateTime={enquiry.updated_at}>{formatDateTime(enquiry.updated_at)}</time>
      </dd>
    </dl>
  );
}

function Missing() {
  return <span class="muted">Not given</span>;
}
