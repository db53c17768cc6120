import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../measures/measures_fixtures';
import { draftFrom, readSettings } from './settings_form';

describe('the measurement settings form', () => {
  it('sends nothing when nothing changed', () => {
    expect(readSettings(SETTINGS, draftFrom(SETTINGS))).toEqual({ change: {} });
  });

  it('sends only what changed, numbers as numbers and the message trimmed', () => {
    const draft = { ...draftFrom(SETTINGS), escalation_minutes: ' 30 ', cssrs_min_level: '2', crisis_message: ' Call 988. ' };
    expect(readSettings(SETTINGS, draft)).toEqual({ change: { escalation_minutes: 30, cssrs_min_level: 2, crisis_message: 'Call 988.' } });
  });

  it('refuses numbers outside the server’s limits at their field', () => {
    const refused = (field: string, value: string) => readSettings(SETTINGS, { ...draftFrom(SETTINGS), [field]: value });
    expect(refused('link_lifetime_hours', '0')).toEqual({ problem: { field: 'link_lifetime_hours', message: 'Enter the link lifetime in hours: a whole number from 1 to 720.' } });
    expect(refused('link_lifetime_hours', '721')).toMatchObject({ problem: { field: 'link_lifetime_hours' } });
    expect(refused('escalation_minutes', '4')).toMatchObject({ problem: { field: 'escalation_minutes' } });
    expect(refused('escalation_minutes', '10081')).toMatchObject({ problem: { field: 'escalation_minutes' } });
    expect(refused('phq9_rise_points', '28')).toMatchObject({ problem: { field: 'phq9_rise_points' } });
    expect(refused('phq9_rise_points', '2.5')).toMatchObject({ problem: { field: 'phq9_rise_points' } });
    expect(refused('cssrs_min_level', '')).toEqual({ problem: { field: 'cssrs_min_level', message: 'Choose the lowest C-SSRS risk level that raises a task.' } });
  });

  it('requires a crisis message of at most 2000 characters', () => {
    expect(readSettings(SETTINGS, { ...draftFrom(SETTINGS), crisis_message: '  ' })).toMatchObject({ problem: { field: 'crisis_message' } });
    expect(readSettings(SETTINGS, { ...draftFrom(SETTINGS), crisis_message: 'x'.repeat(2001) })).toMatchObject({ problem: { field: 'crisis_message' } });
    expect(readSettings(SETTINGS, { ...draftFrom(SETTINGS), crisis_message: 'x'.repeat(2000) })).toMatchObject({ change: { crisis_message: 'x'.repeat(2000) } });
  });
});
