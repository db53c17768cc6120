import type { EnquiryStatus } from '../api';
import { STATUS_LABELS } from './enquiry_rules';

export function EnquiryStatusBadge({ status }: { status: EnquiryStatus }) {
  return <span class={`badge enquiry-${status}`}>{STATUS_LABELS[status]}</span>;
}
