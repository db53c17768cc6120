// The Progress tab's forms, checked before sending with the server's rules
// (docs/api.md, issue 7): a follow-up plan (a start day, an interval of 1–365
// days, 1–10 instruments), ending one (a reason), and a check-in (MME per day
// optional, 0–10000; reported memory or attention problems need a note).
import type { FollowUpPlan, FollowUpStart, NewCheckIn, OutcomeSettings } from '../api';
import type { FormProblem } from '../ui/form_problem';

export interface FollowUpDraft {
  start: string;
  interval_days: string;
  instruments: string[];
}

export const INTERVAL_BOUNDS: [number, number] = [1, 365];
export const MAX_FOLLOW_UP_INSTRUMENTS = 10;
export const MAX_MME_PER_DAY = 10000;

/** The form's first values: the current plan to replace, else the clinic's defaults, starting today. */
export function followUpDraft(plan: FollowUpPlan | null, settings: Pick<OutcomeSettings, 'follow_up_interval_days' | 'follow_up_instruments'> | null, today: string): FollowUpDraft {
  if (plan) return { start: today, interval_days: String(plan.interval_days), instruments: [...plan.instruments] };
  return { start: today, interval_days: settings ? String(settings.follow_up_interval_days) : '', instruments: settings ? [...settings.follow_up_instruments] : [] };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The plan to send, or the first problem. */
export function readFollowUp(draft: FollowUpDraft, bounds: [number, number] = INTERVAL_BOUNDS): { plan: FollowUpStart } | { problem: FormProblem } {
  if (!DAY.test(draft.start) || Number.isNaN(Date.parse(draft.start))) return { problem: { field: 'start', message: 'Enter the first check-in date.' } };
  const [min, max] = bounds;
  const text = draft.interval_days.trim();
  const interval = Number(text);
  if (text === '' || !Number.isInteger(interval) || interval < min || interval > max) {
    return { problem: { field: 'interval_days', message: `Enter the days between check-ins: a whole number from ${min} to ${max}.` } };
  }
  if (draft.instruments.length === 0) return { problem: { field: 'instruments', message: 'Choose at least one questionnaire for the check-ins.' } };
  if (draft.instruments.length > MAX_FOLLOW_UP_INSTRUMENTS) return { problem: { field: 'instruments', message: `Choose at most ${MAX_FOLLOW_UP_INSTRUMENTS} questionnaires.` } };
  return { plan: { start: draft.start, interval_days: interval, instruments: [...draft.instruments] } };
}

/** The reason for ending a follow-up plan, or the problem. */
export function readEndReason(reason: string): { reason: string } | { problem: FormProblem } {
  const text = reason.trim();
  return text ? { reason: text } : { problem: { field: 'reason', message: 'Say why the follow-up ends.' } };
}

export interface CheckInDraft {
  mme_per_day: string;
  memory_attention: boolean;
  note: string;
}

export const EMPTY_CHECK_IN: CheckInDraft = { mme_per_day: '', memory_attention: false, note: '' };

/** The check-in to send (MME left out when not asked), or the first problem. */
export function readCheckIn(draft: CheckInDraft): { checkIn: NewCheckIn } | { problem: FormProblem } {
  const checkIn: NewCheckIn = { memory_attention: draft.memory_attention, note: draft.note.trim() };
  const mmeText = draft.mme_per_day.trim().replace(',', '.');
  if (mmeText !== '') {
    const mme = Number(mmeText);
    if (!Number.isFinite(mme) || mme < 0 || mme > MAX_MME_PER_DAY) {
      return { problem: { field: 'mme_per_day', message: `Enter the daily opioid dose in MME, from 0 to ${MAX_MME_PER_DAY}, or leave it empty if not asked.` } };
    }
    checkIn.mme_per_day = mme;
  }
  if (draft.memory_attention && checkIn.note === '') return { problem: { field: 'note', message: 'Describe the memory or attention problem in the note.' } };
  return { checkIn };
}
