// One active session on the station: patient (the link to the console), room, state,
// elapsed time, latest vitals and the alarm state in words and colour. With an
// unacknowledged alarm, the tile reads the session to name the alarm its Acknowledge
// button acts on (the highest priority one, as the console's banner orders them).
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, SessionAlarm, StationTile } from '../api';
import { sessionPath } from '../navigation';
import { Link } from '../router';
import { problemFrom } from '../ui/form_problem';
import { PRIORITY_LABELS, STATE_LABELS, alarmToAcknowledge, routeLabel, tileAlarm, tileElapsed, vitalsLine } from '../sessions/session_rules';
import { isUrgent } from './station_rules';

interface StationTileCardProps {
  api: ApiClient;
  tile: StationTile;
  now: Date;
  canRun: boolean;
  onChanged: () => void;
}

export function StationTileCard({ api, tile: t, now, canRun, onChanged }: StationTileCardProps) {
  const alarm = tileAlarm(t.alarm);
  const headingId = `tile-${t.id}`;
  return (
    <li class={`station-tile tone-${alarm.tone}${isUrgent(t) ? ' station-tile-urgent' : ''}`}>
      <article aria-labelledby={headingId}>
        <h2 id={headingId} class="station-room">
          {t.room?.name ?? 'No room'}: <Link href={sessionPath(t.id)}>{t.patient.display_name}</Link>
        </h2>
        <p class="station-state">
          <span class={`badge session-state state-${t.state}`}>{STATE_LABELS[t.state]}</span> {routeLabel(t.route)} · {tileElapsed(t, now)}
        </p>
        <p class="station-vitals">{vitalsLine(t.latest_vitals)}</p>
        <p class={`station-alarm alarm-text-${alarm.tone}`}>{alarm.text}</p>
        {t.alarm.unacknowledged > 0 && <TopAlarm api={api} tile={t} canRun={canRun} onChanged={onChanged} />}
      </article>
    </li>
  );
}

function TopAlarm({ api, tile: t, canRun, onChanged }: Omit<StationTileCardProps, 'now'>) {
  const [alarm, setAlarm] = useState<SessionAlarm | null>(null);
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);
  const countsKey = `${t.alarm.open}/${t.alarm.unacknowledged}/${t.alarm.highest_priority ?? ''}`;
  useEffect(() => {
    let current = true;
    api.getSession(t.id).then(
      (s) => current && setAlarm(alarmToAcknowledge(s.alarms) ?? null),
      (e: unknown) => current && setError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api, t.id, countsKey]);
  const acknowledge = async () => {
    if (!alarm) return;
    setPending(true);
    setError('');
    try {
      await api.acknowledgeAlarm(t.id, alarm.id);
      onChanged();
    } catch (e) {
      setError(problemFrom(e).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="station-top-alarm">
      {alarm && (
        <p>
          <span class="alarm-priority">{PRIORITY_LABELS[alarm.priority]}</span>: <strong>{alarm.label}</strong>
        </p>
      )}
      {canRun && alarm && (
        <button type="button" class="alarm-ack" disabled={pending} onClick={() => void acknowledge()} aria-label={`Acknowledge ${alarm.label} for ${t.patient.display_name}`}>
          Acknowledge
        </button>
      )}
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
