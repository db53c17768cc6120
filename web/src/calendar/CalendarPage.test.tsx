// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../api';
import type { Appointment, CalendarSettings, Room } from '../calendar_api_types';
import { buttonNamed, click, container, settle, text, type } from '../chart/chart_test_server';
import { AppointmentsTab } from './AppointmentsTab';
import { CalendarPage } from './CalendarPage';
import { localInputValue, startOfDay } from './calendar_rules';

afterEach(() => render(null, container));

const ROOMS: Room[] = [
  { id: 'room_1', name: 'Room 1', kind: 'room', active: true, created_at: '' },
  { id: 'chair_a', name: 'Chair A', kind: 'chair', active: true, created_at: '' },
];
const SETTINGS = {
  types: [
    { code: 'consultation', label: 'Consultation', default_minutes: 60, needs_room: true },
    { code: 'dosing_session', label: 'Dosing session', default_minutes: 90, needs_room: true },
    { code: 'telehealth_check_in', label: 'Telehealth check-in', default_minutes: 30, needs_room: false },
  ],
  minimum_dosing_minutes: { iv: 70, im: 30, sc: 30, intranasal_esketamine: 120, sublingual: 30, oral: 30 },
} as unknown as CalendarSettings;
const today9 = new Date(startOfDay(new Date()).getTime() + 9 * 3600_000);
const BOOKED = {
  id: 'apt_1',
  patient_id: 'pat_1',
  patient: { id: 'pat_1', given_name: 'Maya', family_name: 'Okafor', date_of_birth: '1986-03-14' },
  type: 'dosing_session',
  type_label: 'Dosing session',
  route: 'iv',
  route_label: 'IV infusion',
  room_id: 'room_1',
  room: ROOMS[0],
  staff_ids: ['usr_n'],
  staff: [{ id: 'usr_n', display_name: 'Noah Nurse', email: 'nurse@demo.test' }],
  start: today9.toISOString(),
  end: new Date(today9.getTime() + 90 * 60_000).toISOString(),
  duration_minutes: 90,
  status: 'booked',
  preparation: [],
} as unknown as Appointment;

const PAST = {
  ...BOOKED,
  id: 'apt_0',
  start: '2025-01-06T09:00:00Z',
  end: '2025-01-06T10:30:00Z',
  status: 'cancelled',
  cancel_reason: 'Patient unwell',
} as unknown as Appointment;

const inAWeek = Date.now() + 7 * 24 * 3600_000;
const FUTURE = { ...BOOKED, id: 'apt_2', start: new Date(inAWeek).toISOString(), end: new Date(inAWeek + 90 * 60_000).toISOString() };

function fakeApi() {
  const posts: { path: string; body: unknown }[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchFn = (url: string, init: RequestInit): Promise<Response> => Promise.resolve(answer(url, init));
  const answer = (url: string, init: RequestInit): Response => {
    const path = new URL(url, 'http://x').pathname;
    if (init.method === 'POST') {
      posts.push({ path, body: JSON.parse(typeof init.body === 'string' ? init.body : '{}') as unknown });
      return json(409, {
        error: { code: 'double_booking', message: 'The room Room 1 is already booked from 09:00 to 10:30 (appointment apt_1).', field: 'room_id' },
      });
    }
    if (path === '/api/v1/rooms') return json(200, { items: ROOMS });
    if (path === '/api/v1/calendar/staff') return json(200, { items: [{ id: 'usr_p', display_name: 'Dr Priya', email: 'p@x', roles: ['prescriber'] }] });
    if (path === '/api/v1/clinic/calendar-settings') return json(200, SETTINGS);
    if (path === '/api/v1/appointments') return json(200, { items: [BOOKED] });
    if (path === '/api/v1/patients/pat_1/appointments') return json(200, { items: [PAST, FUTURE] });
    if (path === '/api/v1/patients') return json(200, { items: [{ id: 'pat_2', given_name: 'Rosa', family_name: 'Delgado', date_of_birth: '1992-07-23', created_at: '' }], next_cursor: null });
    return json(404, { error: { code: 'not_found', message: 'No such route.' } });
  };
  return { api: new ApiClient(fetchFn), posts };
}

async function openCalendar(canBook = true) {
  const server = fakeApi();
  await act(() => render(<CalendarPage api={server.api} canBook={canBook} />, container));
  await settle();
  await settle();
  return server;
}

describe('Calendar page', () => {
  it('shows the day by room, each appointment in its room’s column', async () => {
    await openCalendar();
    const columns = [...container.querySelectorAll('.calendar-column')];
    expect(columns.map((c) => c.getAttribute('aria-label'))).toEqual(['Room 1', 'Chair A (chair)']);
    expect(columns[0]?.textContent).toContain('Okafor, Maya');
    expect(columns[0]?.textContent).toContain('Dosing session (IV infusion)');
    expect(columns[0]?.textContent).toContain('Noah Nurse');
    expect(columns[1]?.textContent).not.toContain('Okafor');
  });

  it('offers no booking to a therapist', async () => {
    await openCalendar(false);
    expect(buttonNamed('Book appointment')).toBeUndefined();
  });

  it('shows a refused double booking at the room field and moves focus there', async () => {
    const server = await openCalendar();
    await click(buttonNamed('Book appointment'));
    expect(text('#booking-title')).toBe('Book appointment');
    // The length follows the type and route: 90 for a dosing session, 120 for esketamine.
    expect(container.querySelector<HTMLInputElement>('[name="duration_minutes"]')?.value).toBe('90');
    await type('route', 'intranasal_esketamine');
    expect(container.querySelector<HTMLInputElement>('[name="duration_minutes"]')?.value).toBe('120');

    await click(buttonNamed('Book'));
    expect(text('.field-error')).toBe('Choose the patient (search by name).');
    expect(server.posts).toEqual([]);

    await type('patient_search', 'Del');
    await act(() => new Promise((r) => setTimeout(r, 300)));
    await settle();
    await type('patient_id', 'pat_2');
    await type('room_id', 'room_1');
    await act(() => {
      const box = container.querySelector<HTMLInputElement>('[name="staff_ids"]');
      box?.click();
    });
    await type('start', localInputValue(today9));
    await click(buttonNamed('Book'));
    await settle();
    expect(server.posts).toHaveLength(1);
    expect(server.posts[0]?.body).toMatchObject({ type: 'dosing_session', route: 'intranasal_esketamine', patient_id: 'pat_2', room_id: 'room_1', staff_ids: ['usr_p'], duration_minutes: 120 });
    expect(text('.field-error')).toBe('The room Room 1 is already booked from 09:00 to 10:30 (appointment apt_1).');
    expect(container.querySelector('[name="room_id"]')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.getAttribute('name')).toBe('room_id');
  });

  it('lists a patient’s appointments on the chart tab, upcoming and past', async () => {
    const server = fakeApi();
    await act(() => render(<AppointmentsTab api={server.api} patientId="pat_1" />, container));
    await settle();
    const sections = [...container.querySelectorAll('section')];
    expect(sections.map((s) => s.getAttribute('aria-label'))).toEqual(['Upcoming appointments', 'Past appointments']);
    expect(sections[0]?.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(sections[0]?.textContent).toContain('Dosing session (IV infusion)');
    expect(sections[1]?.textContent).toContain('Cancelled: Patient unwell');
  });
});
