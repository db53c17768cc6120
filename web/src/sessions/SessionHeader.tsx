// The console's header: who, which route, where, the state, and the timers (since
// check-in, dose start and dose end; observation remaining; the next blood pressure,
// loud when overdue). The timers tick every second without reading the server.
import type { SessionView } from '../api';
import { patientChartPath } from '../navigation';
import { Link } from '../router';
import { STATE_LABELS, routeLabel, timerLines } from './session_rules';
import { useNow } from './use_now';

export function SessionHeader({ session: s }: { session: SessionView }) {
  return (
    <header class="panel session-header">
      <h1>
        {s.patient.display_name} <span class="muted">· {routeLabel(s.route)}</span>
      </h1>
      <dl class="chart-summary">
        <div>
          <dt>State</dt>
          <dd>
            <span class={`badge session-state state-${s.state}`}>{STATE_LABELS[s.state]}</span>
          </dd>
        </div>
        <div>
          <dt>Room</dt>
          <dd>{s.appointment.room_name || 'No room'}</dd>
        </div>
        <div>
          <dt>Patient</dt>
          <dd>
            {[s.patient.age_years !== null ? `${s.patient.age_years} years` : '', s.patient.sex_at_birth ?? ''].filter(Boolean).join(', ') || '—'}{' '}
            <Link href={patientChartPath(s.patient.id)}>Open chart</Link>
          </dd>
        </div>
      </dl>
      {s.state === 'aborted' && <p class="session-aborted">Ended early: {s.abort_reason || 'no reason recorded'}</p>}
      <SessionTimers session={s} />
    </header>
  );
}

function SessionTimers({ session }: { session: SessionView }) {
  const now = useNow(1000);
  return (
    <dl class="session-timers" aria-label="Timers">
      {timerLines(session.timers, now).map((line) => (
        <div key={line.key} class={`timer timer-${line.tone}`}>
          <dt>{line.label}</dt>
          <dd>{line.value}</dd>
        </div>
      ))}
    </dl>
  );
}
