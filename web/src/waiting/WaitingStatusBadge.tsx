import type { WaitingStatus } from '../api';
import { STATUS_LABELS } from './waiting_rules';

export function WaitingStatusBadge({ status }: { status: WaitingStatus }) {
  return <span class={`badge waiting-${status}`}>{STATUS_LABELS[status]}</span>;
}
