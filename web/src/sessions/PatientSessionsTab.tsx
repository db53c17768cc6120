// The patient chart's Sessions tab: the patient's monitored sessions, newest first,
// each linking to its console.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, StationTile } from '../api';
import { sessionPath } from '../navigation';
import { Link } from '../router';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { STATE_LABELS, routeLabel, tileAlarm } from './session_rules';

export function PatientSessionsTab({ api, patientId }: { api: ApiClient; patientId: string }) {
  const [items, setItems] = useState<StationTile[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    api.listPatientSessions(patientId).then(
      (list) => current && setItems(list),
      (e: unknown) => current && setError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api, patientId]);
  if (error)
    return (
      <p class="form-error" role="alert">
        The sessions could not be loaded: {error}
      </p>
    );
  if (!items)
    return (
      <p role="status" class="muted">
        Loading the sessions…
      </p>
    );
  if (items.length === 0) return <p class="muted">No monitored sessions yet. A session opens from its dosing appointment in the calendar.</p>;
  return (
    <table class="chart-table patient-sessions">
      <caption class="visually-hidden">Monitored sessions, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Booked for</th>
          <th scope="col">Route</th>
          <th scope="col">Room</th>
          <th scope="col">State</th>
          <th scope="col">Alarms</th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <Link href={sessionPath(s.id)}>{formatDateTime(s.appointment_start).slice(0, 16)}</Link>
            </th>
            <td>{routeLabel(s.route)}</td>
            <td>{s.room?.name ?? '—'}</td>
            <td>{STATE_LABELS[s.state]}</td>
            <td>{tileAlarm(s.alarm).text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
