// The nurse station (/station): one tile per active session (not discharged or
// aborted), the ones with unacknowledged alarms first. The list is read again when the
// live connection reports a session, vitals or alarm change (gathered for 500 ms), on
// a resync or reconnection, and every 15 s. New high-priority alarms are announced.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient, StationTile } from '../api';
import { problemFrom } from '../ui/form_problem';
import { useLiveRefresh } from '../sessions/live_refresh';
import { useNow } from '../sessions/use_now';
import { StationTileCard } from './StationTileCard';
import { isUrgent, stationOrder } from './station_rules';

export const STATION_DELAY_MS = 500;
export const STATION_POLL_MS = 15_000;

export function StationPage({ api, canRun }: { api: ApiClient; canRun: boolean }) {
  const [tiles, setTiles] = useState<StationTile[] | null>(null);
  const [error, setError] = useState('');
  const latest = useRef({ request: 0 }).current;
  const now = useNow(1000);
  const read = () => {
    const request = ++latest.request;
    api.listActiveSessions().then(
      (items) => {
        if (request !== latest.request) return;
        setTiles(stationOrder(items));
        setError('');
      },
      (e: unknown) => request === latest.request && setError(problemFrom(e).message),
    );
  };
  useEffect(() => {
    read();
    return () => {
      latest.request++;
    };
  }, [api]);
  useLiveRefresh({ prefixes: ['session.', 'vitals.', 'alarm.'], accept: () => true, refresh: read, delayMs: STATION_DELAY_MS, pollMs: STATION_POLL_MS });

  const urgent = (tiles ?? []).filter(isUrgent);
  return (
    <div class="page station-page">
      <h1>Nurse station</h1>
      <div role="alert" class="station-urgent-summary">
        {urgent.length > 0 && <p>High-priority alarm not acknowledged: {urgent.map((t) => `${t.room?.name ?? 'no room'} (${t.patient.display_name})`).join(', ')}.</p>}
      </div>
      {error && (
        <p class="form-error" role="alert">
          The station could not be read{tiles ? ' again; what is shown may be out of date' : ''}: {error}{' '}
          <button type="button" class="link-button" onClick={read}>
            Try again
          </button>
        </p>
      )}
      {!tiles && !error && (
        <p role="status" class="muted">
          Loading the active sessions…
        </p>
      )}
      {tiles && tiles.length === 0 && <p class="list-status">No active sessions.</p>}
      {tiles && tiles.length > 0 && (
        <ul class="station-tiles" aria-label="Active sessions">
          {tiles.map((t) => (
            <StationTileCard key={t.id} api={api} tile={t} now={now} canRun={canRun} onChanged={read} />
          ))}
        </ul>
      )}
    </div>
  );
}
