import { describe, expect, it } from 'vitest';
import type { DoseCalculation } from '../api';
import { pkDosesOf } from './DoseTab';

const calc = (over: Partial<DoseCalculation>) => ({ devices: null, device_minutes: [], dose_rule: { mg_per_kg: 0.5, dose_mg: null, infusion_minutes: 40 }, dose_mg: 35, ...over }) as DoseCalculation;

describe('pkDosesOf', () => {
  it('gives an IV dose as one infusion over its minutes', () => {
    expect(pkDosesOf(calc({}))).toEqual([{ at_minute: 0, dose_mg: 35, infusion_minutes: 40 }]);
  });
  it('gives an IM dose as a bolus', () => {
    expect(pkDosesOf(calc({ dose_rule: { mg_per_kg: 0.5, dose_mg: null, infusion_minutes: null } }))).toEqual([{ at_minute: 0, dose_mg: 35 }]);
  });
  it('gives esketamine as one dose per device at its minute', () => {
    expect(pkDosesOf(calc({ dose_mg: 84, devices: 3, device_minutes: [0, 5, 10], dose_rule: { mg_per_kg: null, dose_mg: 84, infusion_minutes: null } }))).toEqual([
      { at_minute: 0, dose_mg: 28 },
      { at_minute: 5, dose_mg: 28 },
      { at_minute: 10, dose_mg: 28 },
    ]);
  });
});
