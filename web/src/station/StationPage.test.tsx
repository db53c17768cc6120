// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { StationTile } from '../api';
import { click, container, settle, text } from '../chart/chart_test_server';
import { startLive, stopLive } from '../live/live_client';
import { alarm, fakeLive, sessionServer, sessionView } from '../sessions/session_test_server';
import { RoutedPage } from '../shell/RoutedPage';

afterEach(() => {
  render(null, container);
  stopLive();
});

const tile = (id: string, room: string, name: string, changes: Partial<StationTile> = {}): StationTile => ({
  id, route: 'iv', state: 'dosing', patient: { id: `pat_${id}`, display_name: name }, room: { id: room, name: room },
  appointment_start: new Date().toISOString(), checked_in_at: null, dose_started_at: new Date(Date.now() - 12 * 60_000).toISOString(),
  latest_vitals: { at: new Date().toISOString(), systolic_mmhg: 150, diastolic_mmhg: 95, heart_rate_bpm: 88, spo2_pct: 90, respiratory_rate_per_min: null, source: 'monitor' },
  alarm: { open: 0, unacknowledged: 0, highest_priority: null }, ...changes,
});

const TILES = [
  tile('ses_2', 'Room 2', 'Ben Ortiz'),
  tile('ses_1', 'Room 3', 'Ana Lima', { alarm: { open: 2, unacknowledged: 1, highest_priority: 'high' } }),
];

async function openStation(server: ReturnType<typeof sessionServer>, roles: ('nurse' | 'therapist')[] = ['nurse']) {
  await act(() => render(<RoutedPage path="/station" roles={roles} clinicId="cln_1" api={server.api} />, container));
  await settle();
  await settle();
}

describe('the nurse station', () => {
  it('shows one tile per active session, the unacknowledged high alarm first and loud, in words', async () => {
    const server = sessionServer({ tiles: TILES, session: sessionView({ alarms: [alarm(3, { priority: 'medium', label: 'HR above 120 for 5 min', state: 'acknowledged' }), alarm(4)] }) });
    await openStation(server);
    const tiles = [...container.querySelectorAll('.station-tile')];
    expect(tiles.map((t) => t.querySelector('h2')?.textContent)).toEqual(['Room 3: Ana Lima', 'Room 2: Ben Ortiz']);
    expect(tiles[0]?.classList.contains('station-tile-urgent')).toBe(true);
    expect(tiles[0]?.querySelector('.station-alarm')?.textContent).toBe('2 open alarms, 1 not acknowledged (high priority)');
    expect(tiles[0]?.querySelector('.station-top-alarm')?.textContent).toContain('High priority: SpO2 below 92 %');
    expect(tiles[1]?.querySelector('.station-alarm')?.textContent).toBe('No open alarms');
    expect(tiles[1]?.querySelector('.station-vitals')?.textContent).toBe('BP 150/95 mmHg · HR 88 /min · SpO2 90 %');
    expect(tiles[1]?.querySelector('.station-state')?.textContent).toContain('12 min since dose start');
    expect(text('.station-urgent-summary')).toBe('High-priority alarm not acknowledged: Room 3 (Ana Lima).');
    expect(tiles[0]?.querySelector('a')?.getAttribute('href')).toBe('/sessions/ses_1');
  });

  it('acknowledges a tile’s highest open alarm and reads the station again', async () => {
    const server = sessionServer({ tiles: TILES, session: sessionView({ alarms: [alarm(3, { priority: 'medium' }), alarm(4)] }) });
    await openStation(server);
    const lists = () => server.calls().filter((c) => c === 'GET /api/v1/sessions?active=true').length;
    expect(lists()).toBe(1);
    await click(container.querySelector('[aria-label="Acknowledge SpO2 below 92 % for Ana Lima"]'));
    expect(server.calls()).toContain('POST /api/v1/sessions/ses_1/alarms/4/acknowledge');
    expect(lists()).toBe(2);
  });

  it('offers no Acknowledge to a therapist', async () => {
    const server = sessionServer({ tiles: TILES, session: sessionView({ alarms: [alarm(4)] }) });
    await openStation(server, ['therapist']);
    expect(container.querySelector('.alarm-ack')).toBeNull();
    expect(text('.station-top-alarm')).toContain('SpO2 below 92 %');
  });

  it('reads the list again when an alarm is raised anywhere', async () => {
    const server = sessionServer({ tiles: [] });
    const live = fakeLive();
    startLive(live.client);
    live.socket().send({ type: 'hello', stream: 's', seq: 1 });
    await openStation(server);
    expect(text('.list-status')).toBe('No active sessions.');
    server.state.tiles = TILES;
    live.socket().send({ type: 'alarm.raised', seq: 2, data: { session_id: 'ses_1', alarm_id: 4, priority: 'high' } });
    await act(() => new Promise((r) => setTimeout(r, 600)));
    await settle();
    expect(container.querySelectorAll('.station-tile')).toHaveLength(2);
  });
});
