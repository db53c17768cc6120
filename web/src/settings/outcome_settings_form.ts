// The follow-up and long-term safety settings form: numbers kept as text while
// typed, each checked against the bounds the server sends (falling back to the
// API's documented ones), nullable limits with a "no limit" choice, and only what
// changed is sent, so two admins changing different settings do not undo each other.
import type { Bounds, OutcomeNumberSetting, OutcomeSettings, OutcomeSettingsChange } from '../api';
import type { FormProblem } from '../ui/form_problem';

export type NullableSetting = 'max_sessions_per_30_days' | 'max_mg_per_kg_per_30_days' | 'liver_test_interval_days';
export type RequiredSetting = Exclude<OutcomeNumberSetting, NullableSetting>;

export const REQUIRED_SETTINGS: readonly RequiredSetting[] = ['follow_up_interval_days', 'relapse_consecutive_checks', 'induction_days', 'tolerance_rising_doses'];
export const NULLABLE_SETTINGS: readonly NullableSetting[] = ['max_sessions_per_30_days', 'max_mg_per_kg_per_30_days', 'liver_test_interval_days'];

/** The API's bounds (docs/api.md), used when the server sends none. mg/kg: above 0, at most 100. */
export const DEFAULT_BOUNDS: Record<OutcomeNumberSetting, Bounds> = {
  follow_up_interval_days: [1, 365],
  relapse_consecutive_checks: [1, 10],
  induction_days: [7, 180],
  tolerance_rising_doses: [2, 10],
  max_sessions_per_30_days: [1, 31],
  max_mg_per_kg_per_30_days: [0, 100],
  liver_test_interval_days: [7, 730],
};
export const MAX_FOLLOW_UP_INSTRUMENTS = 10;

export const SETTING_LABELS: Record<OutcomeNumberSetting, string> = {
  follow_up_interval_days: 'Days between follow-up check-ins',
  relapse_consecutive_checks: 'Checks in a row above the response threshold that count as a relapse',
  induction_days: 'Induction window (days after the first session)',
  tolerance_rising_doses: 'Rising doses in a row that signal tolerance',
  max_sessions_per_30_days: 'Most sessions in 30 days',
  max_mg_per_kg_per_30_days: 'Most ketamine in 30 days (mg/kg)',
  liver_test_interval_days: 'Liver tests every (days)',
};

/** Decimal settings; the others are whole numbers. */
const DECIMAL: ReadonlySet<OutcomeNumberSetting> = new Set(['max_mg_per_kg_per_30_days']);

export interface OutcomeSettingsDraft {
  numbers: Record<RequiredSetting, string>;
  limits: Record<NullableSetting, { limited: boolean; value: string }>;
  instruments: string[];
}

export function boundsOf(settings: Pick<OutcomeSettings, 'bounds'>, field: OutcomeNumberSetting): Bounds {
  return settings.bounds[field] ?? DEFAULT_BOUNDS[field];
}

/** "1 to 365"; "more than 0, at most 100" for the mg/kg limit. */
export function boundsText(settings: Pick<OutcomeSettings, 'bounds'>, field: OutcomeNumberSetting): string {
  const [min, max] = boundsOf(settings, field);
  return DECIMAL.has(field) && min === 0 ? `more than 0, at most ${max}` : `${min} to ${max}`;
}

export function outcomeSettingsDraft(s: OutcomeSettings): OutcomeSettingsDraft {
  const limit = (v: number | null) => ({ limited: v !== null, value: v === null ? '' : String(v) });
  return {
    numbers: { follow_up_interval_days: String(s.follow_up_interval_days), relapse_consecutive_checks: String(s.relapse_consecutive_checks), induction_days: String(s.induction_days), tolerance_rising_doses: String(s.tolerance_rising_doses) },
    limits: { max_sessions_per_30_days: limit(s.max_sessions_per_30_days), max_mg_per_kg_per_30_days: limit(s.max_mg_per_kg_per_30_days), liver_test_interval_days: limit(s.liver_test_interval_days) },
    instruments: [...s.follow_up_instruments],
  };
}

function readNumber(s: OutcomeSettings, field: OutcomeNumberSetting, text: string): number | FormProblem {
  const [min, max] = boundsOf(s, field);
  const value = Number(text.trim().replace(',', '.'));
  const decimal = DECIMAL.has(field);
  const fits = text.trim() !== '' && Number.isFinite(value) && (decimal || Number.isInteger(value)) && (decimal && min === 0 ? value > 0 : value >= min) && value <= max;
  if (fits) return value;
  return { field, message: `${SETTING_LABELS[field]}: enter ${decimal ? 'a number' : 'a whole number'}, ${boundsText(s, field)}.` };
}

/** What changed from `saved`, or the first problem; an empty change when nothing did. */
export function readOutcomeSettings(saved: OutcomeSettings, draft: OutcomeSettingsDraft): { change: OutcomeSettingsChange } | { problem: FormProblem } {
  const change: OutcomeSettingsChange = {};
  for (const field of REQUIRED_SETTINGS) {
    const value = readNumber(saved, field, draft.numbers[field]);
    if (typeof value !== 'number') return { problem: value };
    if (value !== saved[field]) change[field] = value;
  }
  for (const field of NULLABLE_SETTINGS) {
    const { limited, value: text } = draft.limits[field];
    const value = limited ? readNumber(saved, field, text) : null;
    if (value !== null && typeof value !== 'number') return { problem: value };
    if (value !== saved[field]) change[field] = value;
  }
  if (draft.instruments.length === 0 || draft.instruments.length > MAX_FOLLOW_UP_INSTRUMENTS) {
    return { problem: { field: 'follow_up_instruments', message: `Choose from 1 to ${MAX_FOLLOW_UP_INSTRUMENTS} questionnaires for follow-up check-ins.` } };
  }
  if (draft.instruments.join() !== saved.follow_up_instruments.join()) change.follow_up_instruments = [...draft.instruments];
  return { change };
}
