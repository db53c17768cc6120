// One person on a program's list: name, status (with the offer's expiry time),
// the urgent marker and its reason, whether a clinician must review first, how to
// reach them, the pre-screen answers, and the actions the server allows.
import type { WaitingAction, WaitingEntry } from '../api';
import { CONTACT_METHOD_LABELS } from '../enquiries/enquiry_rules';
import { formatDateTime, patientName } from '../ui/format';
import { EntryActions } from './EntryActions';
import { PrescreenAnswers } from './PrescreenAnswers';
import { UrgentMarker } from './UrgentMarker';
import { WaitingStatusBadge } from './WaitingStatusBadge';
import { SOURCE_LABELS, needsReview } from './waiting_rules';

interface WaitingEntryCardProps {
  entry: WaitingEntry;
  onAction: (entry: WaitingEntry, action: WaitingAction, reason: string) => Promise<void>;
}

/** The id of an entry's heading, where focus returns after an action. */
export const entryHeadingId = (entryId: string) => `waiting-entry-${entryId}`;

export function WaitingEntryCard({ entry, onAction }: WaitingEntryCardProps) {
  const classes = ['waiting-entry', entry.urgent ? 'is-urgent' : '', `entry-status-${entry.status}`].filter(Boolean).join(' ');
  return (
    <li class={classes}>
      <div class="entry-head">
        <h3 id={entryHeadingId(entry.id)} tabIndex={-1}>
          {patientName(entry)}
        </h3>
        <WaitingStatusBadge status={entry.status} />
      </div>
      {entry.urgent && <UrgentMarker reason={entry.urgent_reason} />}
      {entry.status === 'offered' && entry.offer_expires_at && (
        <p class="offer-expiry">
          Offer expires at <time dateTime={entry.offer_expires_at}>{formatDateTime(entry.offer_expires_at)}</time>
        </p>
      )}
      {needsReview(entry) && <p class="review-needed">Needs clinician review before an offer</p>}
      {entry.status === 'removed' && entry.removed_reason && <p class="muted">Removed: {entry.removed_reason}</p>}
      <dl class="facts entry-contact">
        <dt>Joined</dt>
        <dd>
          <time dateTime={entry.joined_at}>{formatDateTime(entry.joined_at)}</time> ({SOURCE_LABELS[entry.source]})
        </dd>
        <dt>Contact</dt>
        <dd>
          {entry.email && <span class="contact-line">{entry.email}</span>}
          {entry.phone && <span class="contact-line">{entry.phone}</span>}
          <span class="contact-line muted">Prefers: {CONTACT_METHOD_LABELS[entry.preferred_contact]}</span>
        </dd>
      </dl>
      <PrescreenAnswers entry={entry} />
      <EntryActions entry={entry} onAction={(action, reason) => onAction(entry, action, reason)} />
    </li>
  );
}
