import { describe, expect, it } from 'vitest';
import type { SessionAlarm, SessionTimers, StationTile } from '../api';
import { alarmStatusText, alarmToAcknowledge, deviceTiming, durationText, gateLabel, minutesSeconds, openAlarms, tileAlarm, tileElapsed, timerLines, vitalsLine } from './session_rules';

const NOW = new Date('2026-11-21T10:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
const TIMERS: SessionTimers = { checked_in_at: null, dose_started_at: null, dose_ended_at: null, minimum_observation_minutes: 120, observation_until: null, bp_next_due: null, bp_overdue: false };
const value = (t: SessionTimers, key: string) => timerLines(t, NOW).find((l) => l.key === key);

const alarm = (id: number, priority: SessionAlarm['priority'], state: SessionAlarm['state'], raisedMinutesAgo: number, escalated = false): SessionAlarm => ({
  id, rule_code: `r${id}`, label: `Alarm ${id}`, priority, state, condition_active: true, escalated,
  raised_at: ago(raisedMinutesAgo), acknowledged_at: null, acknowledged_by: state === 'acknowledged' ? 'nurse@demo.test' : '', cleared_at: null, value: null,
});

describe('timers', () => {
  it('reads durations in minutes, then hours and minutes', () => {
    expect(durationText(59_999)).toBe('0 min');
    expect(durationText(42 * 60_000)).toBe('42 min');
    expect(durationText(65 * 60_000)).toBe('1 h 05 min');
    expect(durationText(-5000)).toBe('0 min');
    expect(minutesSeconds(245_000)).toBe('4:05');
  });

  it('says what has not happened yet', () => {
    expect(timerLines(TIMERS, NOW).map((l) => l.value)).toEqual(['Not checked in', 'Not started', 'Not ended', '120 min from the end of the dose', 'No reading due']);
  });

  it('counts since check-in and the dose, and down to the end of observation', () => {
    const t = { ...TIMERS, checked_in_at: ago(50), dose_started_at: ago(45), dose_ended_at: ago(5), observation_until: new Date(NOW.getTime() + 115 * 60_000).toISOString() };
    expect(value(t, 'checked_in')?.value).toMatch(/^50 min \(\d\d:\d\d\)$/);
    expect(value(t, 'dose_started')?.value).toMatch(/^45 min/);
    expect(value(t, 'observation')?.value).toMatch(/^1 h 55 min \(until \d\d:\d\d\)$/);
    expect(value({ ...t, observation_until: ago(1) }, 'observation')).toMatchObject({ value: 'Minimum 120 min done', tone: 'done' });
  });

  it('makes an overdue blood pressure loud, whether the server or the clock says so', () => {
    expect(value({ ...TIMERS, bp_next_due: ago(3) }, 'bp_due')).toMatchObject({ tone: 'alert' });
    expect(value({ ...TIMERS, bp_next_due: ago(3) }, 'bp_due')?.value).toMatch(/^Overdue by 3 min/);
    expect(value({ ...TIMERS, bp_next_due: ago(-10), bp_overdue: true }, 'bp_due')?.tone).toBe('alert');
    expect(value({ ...TIMERS, bp_next_due: ago(-1.5) }, 'bp_due')).toMatchObject({ tone: 'warn' });
    expect(value({ ...TIMERS, bp_next_due: ago(-10) }, 'bp_due')?.value).toMatch(/^In 10 min/);
  });
});

describe('alarm order', () => {
  it('lists open alarms highest priority first, unacknowledged and escalated first, then the longest waiting', () => {
    const alarms = [
      alarm(1, 'low', 'raised', 30),
      alarm(2, 'high', 'acknowledged', 40),
      alarm(3, 'high', 'raised', 5),
      alarm(4, 'high', 'raised', 10),
      alarm(5, 'medium', 'raised', 1, true),
      alarm(6, 'high', 'cleared', 50),
      alarm(7, 'medium', 'raised', 20),
      alarm(8, 'high', 'raised', 2, true),
    ];
    expect(openAlarms(alarms).map((a) => a.id)).toEqual([8, 4, 3, 2, 5, 7, 1]);
    expect(alarmToAcknowledge(alarms)?.id).toBe(8);
    expect(alarmToAcknowledge([alarm(2, 'high', 'acknowledged', 1)])).toBeUndefined();
  });

  it('says the alarm’s state in words', () => {
    expect(alarmStatusText(alarm(1, 'high', 'raised', 1, true))).toBe('Not acknowledged, escalated, still out of range');
    expect(alarmStatusText({ ...alarm(1, 'high', 'acknowledged', 1), condition_active: false })).toBe('Acknowledged by nurse@demo.test, back in range');
  });
});

describe('station words', () => {
  const tile = (changes: Partial<StationTile>): StationTile => ({
    id: 'ses_1', route: 'iv', state: 'dosing', patient: { id: 'pat_1', display_name: 'Ana Lima' }, room: null, appointment_start: '2026-11-21T09:00:00Z',
    checked_in_at: null, dose_started_at: null, latest_vitals: null, alarm: { open: 0, unacknowledged: 0, highest_priority: null }, ...changes,
  });

  it('states the alarm state in words, not colour alone', () => {
    expect(tileAlarm({ open: 0, unacknowledged: 0, highest_priority: null })).toEqual({ tone: 'none', text: 'No open alarms' });
    expect(tileAlarm({ open: 2, unacknowledged: 1, highest_priority: 'high' })).toEqual({ tone: 'high', text: '2 open alarms, 1 not acknowledged (high priority)' });
    expect(tileAlarm({ open: 1, unacknowledged: 0, highest_priority: 'high' })).toEqual({ tone: 'acknowledged', text: '1 open alarm, all acknowledged' });
  });

  it('counts from the dose start, else from check-in, else shows the booked time', () => {
    expect(tileElapsed(tile({ dose_started_at: ago(12), checked_in_at: ago(30) }), NOW)).toBe('12 min since dose start');
    expect(tileElapsed(tile({ checked_in_at: ago(30) }), NOW)).toBe('30 min since check-in');
    expect(tileElapsed(tile({}), NOW)).toMatch(/^Booked for \d\d:\d\d$/);
  });

  it('puts the measured vital signs in one line', () => {
    expect(vitalsLine(null)).toBe('No readings yet');
    expect(vitalsLine({ at: '', systolic_mmhg: 128, diastolic_mmhg: 82, heart_rate_bpm: 76, spo2_pct: 98, respiratory_rate_per_min: null, source: 'manual' })).toBe('BP 128/82 mmHg · HR 76 /min · SpO2 98 %');
    expect(vitalsLine({ at: '', systolic_mmhg: null, diastolic_mmhg: null, heart_rate_bpm: null, spo2_pct: 91, respiratory_rate_per_min: 12, source: 'monitor' })).toBe('SpO2 91 % · RR 12 /min');
  });
});

describe('gates and devices', () => {
  it('names the known gates and reads an unknown one as words', () => {
    expect(gateLabel('escort_present')).toBe('Escort present');
    expect(gateLabel('discharge_score')).toBe('Discharge score (modified Aldrete)');
    expect(gateLabel('new_gate_name')).toBe('New gate name');
  });

  it('keeps esketamine devices 5 minutes apart', () => {
    expect(deviceTiming([], NOW)).toEqual({ sincePrevious: null, waitMs: 0 });
    expect(deviceTiming([{ at: ago(3) }], NOW)).toEqual({ sincePrevious: '3:00', waitMs: 120_000 });
    expect(deviceTiming([{ at: ago(10) }, { at: ago(6) }], NOW)).toEqual({ sincePrevious: '6:00', waitMs: 0 });
  });
});
