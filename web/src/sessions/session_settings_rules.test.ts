import { describe, expect, it } from 'vitest';
import type { SessionSettings } from '../sessions_api_types';
import { changedSettings, settingsDraft } from './session_settings_rules';

const settings: SessionSettings = {
  version: 0,
  updated_at: null,
  fields: [
    { name: 'aldrete_minimum', label: 'Modified Aldrete score for discharge', min: 8, max: 10, value: 9, default: 9 },
    { name: 'bp_high_readings', label: 'High pressure alarm: on this many readings in a row', min: 1, max: 5, value: 2, default: 2 },
  ],
};

describe('session protocol form', () => {
  it('starts from the current values and sends only what changed', () => {
    const draft = settingsDraft(settings);
    expect(draft).toEqual({ aldrete_minimum: '9', bp_high_readings: '2' });
    expect(changedSettings(settings, { ...draft, bp_high_readings: '3' })).toEqual({ values: { bp_high_readings: 3 } });
    expect(changedSettings(settings, draft)).toEqual({ values: {} });
  });

  it('refuses a value out of bounds, a fraction or nothing, naming the field', () => {
    expect(changedSettings(settings, { aldrete_minimum: '7', bp_high_readings: '2' })).toEqual({ problem: { field: 'aldrete_minimum', message: 'Enter a whole number from 8 to 10.' } });
    expect(changedSettings(settings, { aldrete_minimum: '9', bp_high_readings: '1.5' })).toHaveProperty('problem.field', 'bp_high_readings');
    expect(changedSettings(settings, { aldrete_minimum: '', bp_high_readings: '2' })).toHaveProperty('problem.field', 'aldrete_minimum');
  });
});
