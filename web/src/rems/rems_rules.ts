// Words for the REMS form and the pending list. The form's serious adverse events are
// listed by the contract without a shape: an effect (label and narrative) or text.
import type { PendingRemsForm, RemsForm } from '../api';

export const CONCOMITANT_LABELS: Record<keyof RemsForm['concomitant'], string> = {
  benzodiazepines: 'benzodiazepines',
  non_benzodiazepine_sedative_hypnotics: 'non-benzodiazepine sedative hypnotics',
  psychostimulants: 'psychostimulants',
  maois: 'MAOIs',
  opioids: 'opioids',
};

export const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

export function seriousEventText(event: unknown): string {
  if (typeof event === 'string') return event;
  if (event && typeof event === 'object') {
    const e = event as Record<string, unknown>;
    const parts = [e['label'], e['narrative'] ?? e['description']].filter((p): p is string => typeof p === 'string' && p !== '');
    if (parts.length > 0) return parts.join(': ');
  }
  return JSON.stringify(event);
}

/** Overdue first, then by due date, then by patient. */
export function sortPending(items: readonly PendingRemsForm[]): PendingRemsForm[] {
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.due_on.localeCompare(b.due_on) || a.patient.display_name.localeCompare(b.patient.display_name));
}
