// The nurse station's order: sessions with an unacknowledged alarm first (high before
// medium before low), then by room, then by patient, so the room that needs someone
// now is the first tile.
import type { StationTile } from '../api';

const URGENCY = { high: 0, medium: 1, low: 2 };

function urgency(tile: StationTile): number {
  if (tile.alarm.unacknowledged === 0) return 3;
  return URGENCY[tile.alarm.highest_priority ?? 'medium'];
}

export function stationOrder(tiles: readonly StationTile[]): StationTile[] {
  return [...tiles].sort(
    (a, b) =>
      urgency(a) - urgency(b) ||
      (a.room?.name ?? '\uffff').localeCompare(b.room?.name ?? '\uffff', undefined, { numeric: true }) ||
      a.patient.display_name.localeCompare(b.patient.display_name),
  );
}

/** A tile that must catch the eye: an unacknowledged high-priority alarm. */
export const isUrgent = (tile: StationTile) => tile.alarm.unacknowledged > 0 && tile.alarm.highest_priority === 'high';
