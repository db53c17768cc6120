// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Measurement } from '../api';
import { PATIENT, recorded } from './chart_test_server';
import { changedDemographics, checkDemographics, draftOf, isMinor, latestMeasurement, measurementText, measurementValue, recordFlags } from './record_rules';

const stamp = { recorded_at: '2026-03-02T09:00:00Z', recorded_by: 'nurse@demo.test' };
const weight: Measurement = { id: 'msr_2', kind: 'weight', weight_kg: 72.5, measured_on: '2026-03-01', ...stamp };
const height: Measurement = { id: 'msr_1', kind: 'height', height_cm: 170, measured_on: '2026-02-01', ...stamp };

describe('record rules', () => {
  it('writes a measurement with its unit and finds the latest of a kind', () => {
    expect(measurementText(weight)).toBe('72.5 kg');
    expect(measurementText(height)).toBe('170 cm');
    expect(latestMeasurement([weight, height], 'height')?.id).toBe('msr_1');
    expect(latestMeasurement([weight], 'height')).toBeUndefined();
  });

  it('leaves entries entered in error out of the latest measurement and the allergy flags', () => {
    const mark = { at: '2026-11-21T10:00:00Z', by: 'nurse@demo.test', reason: 'Typed in pounds' };
    const pounds = { ...weight, id: 'msr_9', weight_kg: 159.8, entered_in_error: mark };
    expect(latestMeasurement([pounds, weight], 'weight')?.id).toBe(weight.id);
    const allergies = [{ id: 'alg_1', substance: 'Latex', reaction: '', ...stamp, entered_in_error: mark }];
    expect(recordFlags(PATIENT, { answers: [] }, allergies, '2026-11-21')).toEqual([]);
  });

  it('holds typed values to the server’s sanity limits, inclusive', () => {
    expect(measurementValue('weight', '2')).toBe(2);
    expect(measurementValue('weight', '400')).toBe(400);
    expect(measurementValue('weight', '72,5')).toBe(72.5);
    expect(measurementValue('weight', '1.9')).toEqual({ field: 'weight_kg', message: 'Enter the weight in kg, from 2 to 400.' });
    expect(measurementValue('weight', '')).toHaveProperty('field', 'weight_kg');
    expect(measurementValue('height', '250')).toBe(250);
    expect(measurementValue('height', '1.7')).toHaveProperty('field', 'height_cm');
    expect(measurementValue('height', 'tall')).toHaveProperty('field', 'height_cm');
  });

  it('is a minor until the eighteenth birthday', () => {
    expect(isMinor('2008-11-22', '2026-11-21')).toBe(true);
    expect(isMinor('2008-11-21', '2026-11-21')).toBe(false);
  });

  it('sends only the trimmed fields that changed', () => {
    const draft = { ...draftOf(PATIENT), sex_at_birth: 'unknown', referrer: '  Dr Lind ', phone: '' };
    expect(changedDemographics(PATIENT, draft)).toEqual({ sex_at_birth: 'unknown', referrer: 'Dr Lind' });
    expect(changedDemographics(PATIENT, draftOf(PATIENT))).toEqual({});
  });

  it('checks the sex at birth and, for a minor, the whole guardian before sending', () => {
    const today = '2026-11-21';
    expect(checkDemographics(draftOf(PATIENT), today)?.field).toBe('sex_at_birth');
    const adult = { ...draftOf(PATIENT), sex_at_birth: 'female' };
    expect(checkDemographics(adult, today)).toBeNull();
    const minor = { ...adult, date_of_birth: '2012-01-01', guardian_name: 'Ada', guardian_relationship: 'Mother' };
    expect(checkDemographics(minor, today)?.field).toBe('guardian_phone');
    expect(checkDemographics({ ...minor, guardian_phone: '555 123 4567' }, today)).toBeNull();
    expect(checkDemographics({ ...adult, given_name: ' ' }, today)?.field).toBe('given_name');
  });

  it('flags every allergy and the history’s ketamine hypersensitivity separately, and dates pregnancy', () => {
    const allergies = [{ id: 'alg_1', substance: 'Esketamine', reaction: '', ...stamp }];
    const answers = [recorded('ketamine_hypersensitivity', 'yes'), recorded('pregnant', 'yes'), recorded('breastfeeding', 'no')];
    expect(recordFlags(PATIENT, { answers }, allergies, '2026-11-21')).toEqual([
      { text: 'Allergy: Esketamine', tone: 'danger' },
      { text: 'Ketamine hypersensitivity (history)', tone: 'danger' },
      { text: 'Pregnant (recorded 2026-02-01)', tone: 'warn' },
    ]);
    expect(recordFlags(PATIENT, { answers: [] }, [], '2026-11-21')).toEqual([]);
  });

  it('flags a minor without a guardian, and not once one is recorded', () => {
    const child = { ...PATIENT, date_of_birth: '2015-01-01' };
    expect(recordFlags(child, { answers: [] }, [], '2026-11-21')).toEqual([{ text: 'Under 18: no guardian recorded', tone: 'warn' }]);
    expect(recordFlags({ ...child, guardian_name: 'Ada' }, { answers: [] }, [], '2026-11-21')).toEqual([]);
  });
});
