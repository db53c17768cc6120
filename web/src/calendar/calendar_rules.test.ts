import { describe, expect, it } from 'vitest';
import type { Appointment, CalendarSettings, Room } from '../calendar_api_types';
import { addDays, blockPlacement, defaultMinutes, fromLocalInput, isOnDay, localInputValue, rangeFor, roomColumns, splitByTime, startOfWeek } from './calendar_rules';

const room = (id: string, name: string, active = true, kind: Room['kind'] = 'room'): Room => ({ id, name, kind, active, created_at: '' });
const appt = (over: Partial<Appointment>): Appointment => ({
    id: 'a',
    patient_id: 'p',
    patient: { id: 'p', given_name: 'Ana', family_name: 'Example', date_of_birth: '1980-01-01' },
    type: 'consultation',
    type_label: 'Consultation',
    route: null,
    route_label: null,
    room_id: 'r1',
    room: null,
    staff_ids: [],
    staff: [],
    start: new Date(2026, 10, 23, 9).toISOString(),
    end: new Date(2026, 10, 23, 10).toISOString(),
    duration_minutes: 60,
    status: 'booked',
    cancel_reason: null,
    cancelled_at: null,
    program_id: null,
    plan_id: null,
    session_number: null,
    reminder_due_at: null,
    settings_version: null,
    preparation: [],
    created_at: '',
    ...over,
});

describe('calendar ranges', () => {
  it('weeks start on Monday at local midnight', () => {
    const wed = new Date(2026, 10, 25, 15, 30);
    const monday = startOfWeek(wed);
    expect(monday.getDay()).toBe(1);
    expect(monday.getDate()).toBe(23);
    expect(monday.getHours()).toBe(0);
    const sunday = new Date(2026, 10, 29, 23);
    expect(startOfWeek(sunday).getDate()).toBe(23);
  });
  it('a day range is local midnight to the next', () => {
    const { from, to } = rangeFor('day', new Date(2026, 10, 23, 14));
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(24 * 3600_000);
    expect(new Date(from).getHours()).toBe(0);
    const week = rangeFor('week', new Date(2026, 10, 25));
    expect(new Date(week.from).getDate()).toBe(23);
    expect(new Date(week.to).getDate()).toBe(30);
  });
});

describe('block placement', () => {
  const day = new Date(2026, 10, 23);
  it('places 09:00–10:00 in a 07:00–21:00 column', () => {
    const p = blockPlacement(new Date(2026, 10, 23, 9).toISOString(), new Date(2026, 10, 23, 10).toISOString(), day);
    expect(p?.top).toBeCloseTo((2 / 14) * 100);
    expect(p?.height).toBeCloseTo((1 / 14) * 100);
  });
  it('clips to the column and drops what is out of view', () => {
    const early = blockPlacement(new Date(2026, 10, 23, 6).toISOString(), new Date(2026, 10, 23, 8).toISOString(), day);
    expect(early?.top).toBe(0);
    expect(blockPlacement(new Date(2026, 10, 23, 5).toISOString(), new Date(2026, 10, 23, 6).toISOString(), day)).toBeNull();
  });
  it('an appointment belongs to the days it touches (half-open)', () => {
    const a = appt({});
    expect(isOnDay(a, day)).toBe(true);
    expect(isOnDay(a, addDays(day, 1))).toBe(false);
  });
});

describe('room columns', () => {
  it('one column per active room, inactive ones only when in use, telehealth apart', () => {
    const rooms = [room('r1', 'Room 1'), room('r2', 'Old room', false), room('c1', 'Chair A', true, 'chair')];
    const cols = roomColumns(rooms, [appt({ id: 'x' }), appt({ id: 't', room_id: null, type: 'telehealth_check_in' })]);
    expect(cols.map((c) => c.label)).toEqual(['Room 1', 'Chair A (chair)', 'No room (telehealth)']);
    expect(cols[0]?.appointments.map((a) => a.id)).toEqual(['x']);
    expect(roomColumns(rooms, [appt({ room_id: 'r2' })]).map((c) => c.key)).toEqual(['r1', 'r2', 'c1']);
  });
});

describe('default length', () => {
  const settings = {
    types: [
      { code: 'dosing_session', label: 'Dosing session', default_minutes: 90, needs_room: true },
      { code: 'follow_up', label: 'Follow-up', default_minutes: 30, needs_room: true },
    ],
    minimum_dosing_minutes: { iv: 70, im: 30, sc: 30, intranasal_esketamine: 120, sublingual: 30, oral: 30 },
  } as unknown as CalendarSettings;
  it('takes the type default, raised to the route minimum for dosing', () => {
    expect(defaultMinutes(settings, 'follow_up', '')).toBe(30);
    expect(defaultMinutes(settings, 'dosing_session', 'iv')).toBe(90);
    expect(defaultMinutes(settings, 'dosing_session', 'intranasal_esketamine')).toBe(120);
  });
});

describe('local input', () => {
  it('round-trips a local time', () => {
    const d = new Date(2026, 10, 23, 9, 5);
    expect(localInputValue(d)).toBe('2026-11-23T09:05');
    expect(fromLocalInput('2026-11-23T09:05')).toBe(d.toISOString());
    expect(fromLocalInput('tomorrow')).toBeUndefined();
  });
});

describe('upcoming and past', () => {
  it('splits at now: upcoming soonest first, past latest first', () => {
    const now = new Date(2026, 10, 23, 12);
    const items = [
      appt({ id: 'old', start: new Date(2026, 10, 20, 9).toISOString(), end: new Date(2026, 10, 20, 10).toISOString() }),
      appt({ id: 'older', start: new Date(2026, 10, 19, 9).toISOString(), end: new Date(2026, 10, 19, 10).toISOString() }),
      appt({ id: 'later', start: new Date(2026, 10, 25, 9).toISOString(), end: new Date(2026, 10, 25, 10).toISOString() }),
      appt({ id: 'now', start: new Date(2026, 10, 23, 11).toISOString(), end: new Date(2026, 10, 23, 13).toISOString() }),
    ];
    const { upcoming, past } = splitByTime(items, now);
    expect(upcoming.map((a) => a.id)).toEqual(['now', 'later']);
    expect(past.map((a) => a.id)).toEqual(['old', 'older']);
  });
});
