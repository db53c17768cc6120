import { describe, expect, it } from 'vitest';
import type { OutcomeSettings } from '../api';
import { boundsText, outcomeSettingsDraft, readOutcomeSettings } from './outcome_settings_form';

const SAVED: OutcomeSettings = {
  version: 3, updated_at: null, updated_by: null, follow_up_interval_days: 28, follow_up_instruments: ['phq9', 'urinary'], relapse_consecutive_checks: 2, induction_days: 28,
  max_sessions_per_30_days: null, max_mg_per_kg_per_30_days: 4, liver_test_interval_days: null, tolerance_rising_doses: 3, bounds: { follow_up_interval_days: [1, 365], max_mg_per_kg_per_30_days: [0, 100] },
};

describe('the follow-up and long-term safety settings form', () => {
  it('sends nothing when nothing changed', () => {
    expect(readOutcomeSettings(SAVED, outcomeSettingsDraft(SAVED))).toEqual({ change: {} });
  });

  it('sends only what changed: a limit set, a limit removed, a decimal, the instruments', () => {
    const draft = outcomeSettingsDraft(SAVED);
    draft.numbers.induction_days = ' 42 ';
    draft.limits.max_sessions_per_30_days = { limited: true, value: '6' };
    draft.limits.max_mg_per_kg_per_30_days = { limited: false, value: '4' };
    draft.instruments = ['phq9'];
    expect(readOutcomeSettings(SAVED, draft)).toEqual({ change: { induction_days: 42, max_sessions_per_30_days: 6, max_mg_per_kg_per_30_days: null, follow_up_instruments: ['phq9'] } });
    const decimal = outcomeSettingsDraft(SAVED);
    decimal.limits.max_mg_per_kg_per_30_days = { limited: true, value: '2,5' };
    expect(readOutcomeSettings(SAVED, decimal)).toEqual({ change: { max_mg_per_kg_per_30_days: 2.5 } });
  });

  it('names the field at fault, with its bounds (the server’s, else the API’s)', () => {
    const draft = outcomeSettingsDraft(SAVED);
    draft.numbers.induction_days = '6';
    expect(readOutcomeSettings(SAVED, draft)).toEqual({ problem: { field: 'induction_days', message: 'Induction window (days after the first session): enter a whole number, 7 to 180.' } });
    const zero = outcomeSettingsDraft(SAVED);
    zero.limits.max_mg_per_kg_per_30_days = { limited: true, value: '0' };
    expect(readOutcomeSettings(SAVED, zero)).toEqual({ problem: { field: 'max_mg_per_kg_per_30_days', message: 'Most ketamine in 30 days (mg/kg): enter a number, more than 0, at most 100.' } });
    const empty = outcomeSettingsDraft(SAVED);
    empty.limits.liver_test_interval_days = { limited: true, value: '' };
    expect(readOutcomeSettings(SAVED, empty)).toHaveProperty('problem.field', 'liver_test_interval_days');
    const none = outcomeSettingsDraft(SAVED);
    none.instruments = [];
    expect(readOutcomeSettings(SAVED, none)).toEqual({ problem: { field: 'follow_up_instruments', message: 'Choose from 1 to 10 questionnaires for follow-up check-ins.' } });
  });

  it('says the bounds in words', () => {
    expect(boundsText(SAVED, 'follow_up_interval_days')).toBe('1 to 365');
    expect(boundsText(SAVED, 'max_mg_per_kg_per_30_days')).toBe('more than 0, at most 100');
    expect(boundsText({ bounds: {} }, 'liver_test_interval_days')).toBe('7 to 730');
  });
});
