// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment, StationTile } from '../api';
import { AppointmentDialog } from '../calendar/AppointmentDialog';
import { buttonNamed, click, container, settle } from '../chart/chart_test_server';
import { PatientSessionsTab } from './PatientSessionsTab';
import { sessionServer } from './session_test_server';

afterEach(() => render(null, container));

const APPOINTMENT = {
  id: 'apt_1', patient_id: 'pat_1', patient: { id: 'pat_1', given_name: 'Ana', family_name: 'Lima', date_of_birth: '1985-02-01' },
  type: 'dosing_session', type_label: 'Dosing session', route: 'iv', route_label: 'IV infusion', room: null, staff: [],
  start: '2026-11-21T09:00:00Z', end: '2026-11-21T10:30:00Z', duration_minutes: 90, status: 'completed', preparation: [],
} as unknown as Appointment;

describe('where a session opens from', () => {
  it('opens the session from its dosing appointment and goes to the console', async () => {
    const server = sessionServer();
    history.replaceState(null, '', '/calendar');
    await act(() => render(<AppointmentDialog api={server.api} appointment={APPOINTMENT} canBook={false} canOpenSession onChanged={() => {}} onClose={() => {}} />, container));
    await click(buttonNamed('Open session'));
    expect(server.posted('/sessions')).toEqual([{ appointment_id: 'apt_1' }]);
    expect(location.pathname).toBe('/sessions/ses_1');
  });

  it('offers no Open session to those who do not run sessions', async () => {
    const server = sessionServer();
    await act(() => render(<AppointmentDialog api={server.api} appointment={APPOINTMENT} canBook={false} onChanged={() => {}} onClose={() => {}} />, container));
    expect(buttonNamed('Open session')).toBeUndefined();
  });

  it('lists the patient’s sessions on the chart, each linking to its console', async () => {
    const tile = { id: 'ses_1', route: 'intranasal_esketamine', state: 'discharged', patient: { id: 'pat_1', display_name: 'Ana Lima' }, room: { id: 'r1', name: 'Room 1' },
      appointment_start: '2026-11-20T09:00:00Z', checked_in_at: null, dose_started_at: null, latest_vitals: null, alarm: { open: 0, unacknowledged: 0, highest_priority: null } } as StationTile;
    const server = sessionServer({ tiles: [tile] });
    await act(() => render(<PatientSessionsTab api={server.api} patientId="pat_1" />, container));
    await settle();
    const row = container.querySelector('.patient-sessions tbody tr');
    expect(row?.querySelector('a')?.getAttribute('href')).toBe('/sessions/ses_1');
    expect([...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['Intranasal esketamine', 'Room 1', 'Discharged', 'No open alarms']);
    expect(server.calls()).toEqual(['GET /api/v1/patients/pat_1/sessions']);
  });
});
