import { describe, expect, it } from 'vitest';
import type { StationTile } from '../api';
import { isUrgent, stationOrder } from './station_rules';

const tile = (id: string, room: string | null, alarm: StationTile['alarm'] = { open: 0, unacknowledged: 0, highest_priority: null }): StationTile => ({
  id, route: 'iv', state: 'dosing', patient: { id: `pat_${id}`, display_name: `Patient ${id}` }, room: room ? { id: room, name: room } : null,
  appointment_start: '2026-11-21T09:00:00Z', checked_in_at: null, dose_started_at: null, latest_vitals: null, alarm,
});

describe('the station order', () => {
  it('puts unacknowledged alarms first by priority, then rooms in natural order, roomless last', () => {
    const tiles = [
      tile('a', 'Room 10'),
      tile('b', null),
      tile('c', 'Room 2', { open: 1, unacknowledged: 1, highest_priority: 'medium' }),
      tile('d', 'Room 9', { open: 2, unacknowledged: 1, highest_priority: 'high' }),
      tile('e', 'Room 1', { open: 1, unacknowledged: 0, highest_priority: 'high' }),
      tile('f', 'Room 2'),
    ];
    expect(stationOrder(tiles).map((t) => t.id)).toEqual(['d', 'c', 'e', 'f', 'a', 'b']);
  });

  it('makes only an unacknowledged high-priority alarm urgent', () => {
    expect(isUrgent(tile('a', null, { open: 1, unacknowledged: 1, highest_priority: 'high' }))).toBe(true);
    expect(isUrgent(tile('a', null, { open: 1, unacknowledged: 0, highest_priority: 'high' }))).toBe(false);
    expect(isUrgent(tile('a', null, { open: 1, unacknowledged: 1, highest_priority: 'medium' }))).toBe(false);
  });
});
