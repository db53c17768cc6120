import { describe, expect, it } from 'vitest';
import type { DoseLimit } from '../api';
import { blockedMessage, checkFieldsFor, deviceTimes, emptyDraft, mismatchedFields, readCheckDraft, readDoseDraft, todayUtc, verdictWords } from './dose_form';

const draft = (changes: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft('2026-11-21'), ...changes });

describe('reading the calculator', () => {
  it('sends mg/kg, minutes and concentration for IV', () => {
    expect(readDoseDraft(draft({ mg_per_kg: '0.5', concentration_mg_per_ml: '10' }))).toEqual({
      request: { route: 'iv', dose_rule: { mg_per_kg: 0.5, infusion_minutes: 40 }, concentration_mg_per_ml: 10, planned_for: '2026-11-21', plan_id: '', override_reason: '' },
    });
  });
  it('names the server’s fields for missing or non-positive numbers', () => {
    expect(readDoseDraft(draft({ concentration_mg_per_ml: '10' }))).toMatchObject({ problem: { field: 'dose_rule.mg_per_kg' } });
    expect(readDoseDraft(draft({ mg_per_kg: '0.5', concentration_mg_per_ml: '0' }))).toMatchObject({ problem: { field: 'concentration_mg_per_ml' } });
    expect(readDoseDraft(draft({ mg_per_kg: '0.5', concentration_mg_per_ml: '10', infusion_minutes: '4.5' }))).toMatchObject({ problem: { field: 'dose_rule.infusion_minutes' } });
    expect(readDoseDraft(draft({ route: 'oral', dose_mg: '-5', concentration_mg_per_ml: '10' }))).toMatchObject({ problem: { field: 'dose_rule.dose_mg' } });
  });
  it('sends esketamine as 56 or 84 mg without a concentration or minutes', () => {
    expect(readDoseDraft(draft({ route: 'intranasal_esketamine', dose_mg: '70' }))).toMatchObject({ problem: { field: 'dose_rule.dose_mg' } });
    const read = readDoseDraft(draft({ route: 'intranasal_esketamine', dose_mg: '56', concentration_mg_per_ml: '10' }));
    expect(read).toMatchObject({ request: { route: 'intranasal_esketamine', dose_rule: { dose_mg: 56 } } });
    expect('request' in read && read.request.concentration_mg_per_ml).toBe(undefined);
  });
});

describe('saying the verdict and the device times', () => {
  const limit = (verdict: DoseLimit['verdict']): DoseLimit => ({ verdict, soft: 1, hard: 4.5, unit: 'mg/kg', text: '', needs_override_reason: verdict === 'above_soft', refused: verdict === 'above_hard' });
  it('says within, needs a reason, or refused', () => {
    expect(verdictWords(limit('within'))).toBe("Within the clinic's limits (soft 1 mg/kg, hard 4.5 mg/kg).");
    expect(verdictWords(limit('above_soft'))).toMatch(/^Above the soft limit of 1 mg\/kg: a prescriber must give a reason/);
    expect(verdictWords(limit('above_hard'))).toMatch(/^Refused: above the hard limit of 4.5 mg\/kg/);
  });
  it('lists each device with its minute', () => {
    expect(deviceTimes([0, 5, 10])).toBe('Device 1 at 0 min, device 2 at 5 min, device 3 at 10 min');
  });
});

describe('the blind double check', () => {
  it('asks weight and concentration, or devices for esketamine', () => {
    expect(checkFieldsFor('iv')).toEqual(['weight_kg', 'concentration_mg_per_ml']);
    expect(checkFieldsFor('intranasal_esketamine')).toEqual(['devices']);
    expect(readCheckDraft('iv', { weight_kg: '69', concentration_mg_per_ml: '', devices: '' })).toMatchObject({ problem: { field: 'concentration_mg_per_ml' } });
    expect(readCheckDraft('iv', { weight_kg: '69', concentration_mg_per_ml: '10', devices: '' })).toEqual({ entry: { weight_kg: 69, concentration_mg_per_ml: 10 } });
  });
  it('names the mismatched fields and never a value', () => {
    expect(mismatchedFields('weight_kg,concentration_mg_per_ml')).toEqual(['weight_kg', 'concentration_mg_per_ml']);
    expect(mismatchedFields(undefined)).toEqual([]);
    expect(blockedMessage(['concentration_mg_per_ml'])).toBe(
      'Blocked: the concentration does not match the order. The order stays unverified. Check again at the bedside and the vial, or ask the prescriber.',
    );
    expect(blockedMessage(['weight_kg', 'concentration_mg_per_ml'])).toMatch(/^Blocked: the weight and the concentration do not match/);
  });
});

describe('the planned date', () => {
  it('defaults to the UTC date, as the server counts days', () => {
    expect(todayUtc(new Date('2026-11-21T23:30:00-05:00'))).toBe('2026-11-22');
  });
});
