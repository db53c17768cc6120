// The dose calculator's and the double check's rules that need no screen: route
// choices, reading a draft into a request (problems name the server's fields), the
// verdict in plain words, and the blocked message that names fields, never values.
import type { DoseCheckEntry, DoseLimit, DoseOrder, DoseRequest, DoseRoute } from '../api';
import type { FormProblem } from '../ui/form_problem';

export const ROUTE_CHOICES: readonly { value: DoseRoute; label: string }[] = [
  { value: 'iv', label: 'IV infusion' },
  { value: 'im', label: 'Intramuscular' },
  { value: 'sc', label: 'Subcutaneous' },
  { value: 'intranasal_esketamine', label: 'Intranasal esketamine' },
  { value: 'sublingual', label: 'Sublingual' },
  { value: 'oral', label: 'Oral' },
];

export const isWeightBased = (route: DoseRoute) => route === 'iv' || route === 'im' || route === 'sc';
export const isInfusion = (route: DoseRoute) => route === 'iv';
export const isEsketamine = (route: DoseRoute) => route === 'intranasal_esketamine';

export interface DoseDraft {
  route: DoseRoute;
  mg_per_kg: string;
  dose_mg: string;
  infusion_minutes: string;
  concentration_mg_per_ml: string;
  planned_for: string;
  plan_id: string;
  override_reason: string;
}

export const DOSE_FIELDS = ['route', 'dose_rule.mg_per_kg', 'dose_rule.dose_mg', 'dose_rule.infusion_minutes', 'concentration_mg_per_ml', 'planned_for', 'plan_id', 'override_reason'] as const;

/** Today's UTC date (YYYY-MM-DD): the server plans doses by UTC calendar date. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function emptyDraft(today: string): DoseDraft {
  return { route: 'iv', mg_per_kg: '', dose_mg: '', infusion_minutes: '40', concentration_mg_per_ml: '', planned_for: today, plan_id: '', override_reason: '' };
}

const positive = (text: string) => {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) && n > 0 ? n : undefined;
};

/** The request for `draft`, or the first problem, named as the server names it. */
export function readDoseDraft(draft: DoseDraft): { request: DoseRequest } | { problem: FormProblem } {
  const route = draft.route;
  const request: DoseRequest = { route, dose_rule: {}, planned_for: draft.planned_for, plan_id: draft.plan_id.trim(), override_reason: draft.override_reason.trim() };
  if (isWeightBased(route)) {
    const v = positive(draft.mg_per_kg);
    if (v === undefined) return { problem: { field: 'dose_rule.mg_per_kg', message: 'Enter the dose in mg/kg (more than 0).' } };
    request.dose_rule.mg_per_kg = v;
  } else if (isEsketamine(route)) {
    if (draft.dose_mg !== '56' && draft.dose_mg !== '84') return { problem: { field: 'dose_rule.dose_mg', message: 'Choose 56 mg or 84 mg.' } };
    request.dose_rule.dose_mg = Number(draft.dose_mg);
  } else {
    const v = positive(draft.dose_mg);
    if (v === undefined) return { problem: { field: 'dose_rule.dose_mg', message: 'Enter the dose in mg (more than 0).' } };
    request.dose_rule.dose_mg = v;
  }
  if (isInfusion(route)) {
    const m = Number(draft.infusion_minutes.trim());
    if (!Number.isInteger(m) || m <= 0) return { problem: { field: 'dose_rule.infusion_minutes', message: 'Enter the infusion time in whole minutes.' } };
    request.dose_rule.infusion_minutes = m;
  }
  if (!isEsketamine(route)) {
    const c = positive(draft.concentration_mg_per_ml);
    if (c === undefined) return { problem: { field: 'concentration_mg_per_ml', message: 'Enter the concentration in mg/mL (more than 0).' } };
    request.concentration_mg_per_ml = c;
  }
  return { request };
}

/** The limit verdict in plain words, for the calculator and the order list. */
export function verdictWords(limit: DoseLimit): string {
  if (limit.verdict === 'above_hard') return `Refused: above the hard limit of ${limit.hard} ${limit.unit}. This dose cannot be ordered.`;
  if (limit.verdict === 'above_soft') return `Above the soft limit of ${limit.soft} ${limit.unit}: a prescriber must give a reason to order it.`;
  return `Within the clinic's limits (soft ${limit.soft} ${limit.unit}, hard ${limit.hard} ${limit.unit}).`;
}

/** "Device 1 at 0 min, device 2 at 5 min". */
export function deviceTimes(minutes: readonly number[]): string {
  return minutes.map((m, i) => `device ${i + 1} at ${m} min`).join(', ').replace(/^d/, 'D');
}

export const STATUS_LABELS: Record<DoseOrder['status'], string> = {
  ordered: 'Awaiting double check',
  blocked: 'Blocked: double check did not match',
  verified: 'Verified',
  cancelled: 'Cancelled',
};

export function ruleText(order: Pick<DoseOrder, 'dose_rule'>): string {
  const r = order.dose_rule;
  if (r.mg_per_kg !== null) return `${r.mg_per_kg} mg/kg${r.infusion_minutes !== null ? ` over ${r.infusion_minutes} min` : ''}`;
  return `${r.dose_mg ?? '?'} mg`;
}

// --- The blind double check ---------------------------------------------------------

export interface CheckDraft {
  weight_kg: string;
  concentration_mg_per_ml: string;
  devices: string;
}

export const CHECK_FIELDS = ['weight_kg', 'concentration_mg_per_ml', 'devices'] as const;

const FIELD_WORDS: Record<string, string> = { weight_kg: 'the weight', concentration_mg_per_ml: 'the concentration', devices: 'the number of devices' };

/** What the checker must enter for this order's route. */
export function checkFieldsFor(route: DoseRoute): (typeof CHECK_FIELDS)[number][] {
  return isEsketamine(route) ? ['devices'] : ['weight_kg', 'concentration_mg_per_ml'];
}

export function readCheckDraft(route: DoseRoute, draft: CheckDraft): { entry: DoseCheckEntry } | { problem: FormProblem } {
  const entry: DoseCheckEntry = {};
  for (const field of checkFieldsFor(route)) {
    const n = Number(draft[field].trim());
    if (draft[field].trim() === '' || !Number.isFinite(n) || n <= 0) return { problem: { field, message: `Enter ${FIELD_WORDS[field]} you measured or read (more than 0).` } };
    entry[field] = n;
  }
  const weight = positive(draft.weight_kg);
  if (isEsketamine(route) && weight !== undefined) entry.weight_kg = weight;
  return { entry };
}

/** The mismatched fields of a double_check_mismatch error (its field: comma-separated). */
export function mismatchedFields(field: string | undefined): string[] {
  return (field ?? '').split(',').filter((f) => f in FIELD_WORDS);
}

/** "Blocked: the concentration does not match the order." Names fields, never the order's values. */
export function blockedMessage(fields: readonly string[]): string {
  const words = fields.map((f) => FIELD_WORDS[f] ?? f);
  const list = words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? 'an entry');
  return `Blocked: ${list} ${words.length > 1 ? 'do' : 'does'} not match the order. The order stays unverified. Check again at the bedside and the vial, or ask the prescriber.`;
}
