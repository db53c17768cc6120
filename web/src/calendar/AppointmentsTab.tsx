// The patient chart's Appointments tab: upcoming (soonest first) and past (latest first).
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { Appointment } from '../calendar_api_types';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { STATUS_LABELS, splitByTime } from './calendar_rules';

export function AppointmentsTab({ api, patientId }: { api: ApiClient; patientId: string }) {
  const [items, setItems] = useState<Appointment[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    api.listPatientAppointments(patientId).then(
      (page) => current && setItems(page.items),
      (e: unknown) => current && setError(problemFrom(e).message),
    );
    return () => {
      current = false;
    };
  }, [api, patientId]);
  if (error)
    return (
      <p class="form-error" role="alert">
        The appointments could not be loaded: {error}
      </p>
    );
  if (!items)
    return (
      <p role="status" class="muted">
        Loading the appointments…
      </p>
    );
  const { upcoming, past } = splitByTime(items, new Date());
  return (
    <div class="appointments-tab">
      <AppointmentTable title="Upcoming" items={upcoming} empty="No upcoming appointments." />
      <AppointmentTable title="Past" items={past} empty="No past appointments." />
    </div>
  );
}

function AppointmentTable({ title, items, empty }: { title: string; items: Appointment[]; empty: string }) {
  return (
    <section aria-label={`${title} appointments`}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Type</th>
              <th scope="col">Room</th>
              <th scope="col">Staff</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td>
                  {formatDateTime(a.start).slice(0, 16)} ({a.duration_minutes} min)
                </td>
                <td>
                  {a.type_label}
                  {a.route_label ? ` (${a.route_label})` : ''}
                </td>
                <td>{a.room?.name ?? 'By video'}</td>
                <td>{a.staff.map((s) => s.display_name).join(', ')}</td>
                <td>
                  {STATUS_LABELS[a.status]}
                  {a.cancel_reason ? `: ${a.cancel_reason}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
