// How waiting-list entries read on screen, and which buttons an entry shows. The
// server decides what may happen (allowed_actions, already filtered by the entry's
// status and the user's roles); this only labels it and puts it in a steady order.
import { WAITING_ACTIONS, type HistoryAnswer, type Prescreen, type WaitingAction, type WaitingEntry, type WaitingFilter, type WaitingStatus } from '../api';

export const STATUS_LABELS: Record<WaitingStatus, string> = {
  waiting: 'Waiting',
  offered: 'Offered',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Offer expired',
  scheduled: 'Scheduled',
  removed: 'Removed',
};

export const FILTER_CHOICES: readonly { value: WaitingFilter; label: string }[] = [
  { value: 'active', label: 'Active (waiting, offered and answered)' },
  { value: 'all', label: 'All, with scheduled and removed' },
];

/** How the person joined, as the entry says it: "(from the public page)". */
export const SOURCE_LABELS: Record<WaitingEntry['source'], string> = { web: 'from the public page', staff: 'added by staff' };

export interface EntryActionSpec {
  action: WaitingAction;
  /** The button's text. */
  label: string;
  /** mark_urgent and remove ask why (the server requires a reason). */
  needsReason: boolean;
  /** A step back or out: shown as a secondary button. */
  secondary: boolean;
}

const ACTION_SPECS: Record<WaitingAction, EntryActionSpec> = {
  mark_urgent: { action: 'mark_urgent', label: 'Mark urgent', needsReason: true, secondary: false },
  clear: { action: 'clear', label: 'Clear for offer', needsReason: false, secondary: false },
  accept: { action: 'accept', label: 'Record acceptance', needsReason: false, secondary: false },
  decline: { action: 'decline', label: 'Record decline', needsReason: false, secondary: false },
  schedule: { action: 'schedule', label: 'Mark scheduled', needsReason: false, secondary: false },
  requeue: { action: 'requeue', label: 'Return to waiting', needsReason: false, secondary: true },
  remove: { action: 'remove', label: 'Remove from list', needsReason: true, secondary: true },
};

/** The buttons for the actions the server allows, in a fixed order; unknown actions are left out. */
export function entryActions(allowed: readonly string[]): EntryActionSpec[] {
  return WAITING_ACTIONS.filter((action) => allowed.includes(action)).map((action) => ACTION_SPECS[action]);
}

export function actionSpec(action: WaitingAction): EntryActionSpec {
  return ACTION_SPECS[action];
}

/** "Jane Doe". */
export function personName(entry: Pick<WaitingEntry, 'given_name' | 'family_name'>): string {
  return `${entry.given_name} ${entry.family_name}`;
}

/** What the status line says after an action, from the entry the server returned. */
export function actionDoneMessage(action: WaitingAction, entry: Pick<WaitingEntry, 'given_name' | 'family_name'>): string {
  const name = personName(entry);
  switch (action) {
    case 'mark_urgent':
      return `${name}: marked urgent.`;
    case 'clear':
      return `${name}: cleared for an offer.`;
    case 'accept':
      return `${name}: acceptance recorded.`;
    case 'decline':
      return `${name}: decline recorded. The place passes to the next cleared person, if there is one.`;
    case 'schedule':
      return `${name}: scheduled.`;
    case 'requeue':
      return `${name}: back on the waiting list.`;
    case 'remove':
      return `Removed ${name} from the list.`;
  }
}

/** The dialog's wording for the actions that need a reason. */
export const REASON_PROMPTS: Partial<Record<WaitingAction, { title: string; label: string; hint: string; submit: string }>> = {
  mark_urgent: {
    title: 'Mark urgent',
    label: 'Why is this urgent?',
    hint: 'Urgent entries come first in the list. For example: clinical deterioration, reviewed by the prescriber.',
    submit: 'Mark urgent',
  },
  remove: {
    title: 'Remove from the list',
    label: 'Reason for removing',
    hint: 'For example: no longer wants treatment, not suitable, could not be reached.',
    submit: 'Remove from list',
  },
};

/** Whether "Needs clinician review before an offer" is worth saying (not once scheduled or removed). */
export function needsReview(entry: Pick<WaitingEntry, 'cleared_for_offer' | 'status'>): boolean {
  return !entry.cleared_for_offer && entry.status !== 'scheduled' && entry.status !== 'removed';
}

export type PrescreenQuestion = keyof Prescreen;
export const PRESCREEN_QUESTIONS: readonly PrescreenQuestion[] = ['pregnant', 'substance_use', 'high_blood_pressure'];

/** Short labels for staff lists, and the questions as the public page asks them. */
export const PRESCREEN_LABELS: Record<PrescreenQuestion, { staff: string; visitor: string }> = {
  pregnant: { staff: 'Pregnant', visitor: 'Are you pregnant, or could you be?' },
  substance_use: { staff: 'Substance use history', visitor: 'Have you ever had problems with alcohol or drug use?' },
  high_blood_pressure: { staff: 'Known high blood pressure', visitor: 'Have you been told you have high blood pressure?' },
};

export const ANSWER_LABELS: Record<HistoryAnswer, { staff: string; visitor: string }> = {
  yes: { staff: 'Yes', visitor: 'Yes' },
  no: { staff: 'No', visitor: 'No' },
  unknown: { staff: 'Unknown', visitor: 'Not sure' },
};

/** "48 hours", "1 hour". */
export function hoursText(hours: number): string {
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** "1 place", "3 places". */
export function placesText(places: number): string {
  return places === 1 ? '1 place' : `${places} places`;
}
