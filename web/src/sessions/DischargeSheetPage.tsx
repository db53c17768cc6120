// The printable discharge sheet (/sessions/{id}/discharge-sheet): the session's facts
// and the written instructions the patient and the escort take home (clinical
// reference §3, leaving: an adult escort; no driving until the next day after sleep;
// written instructions — Spravato and Ketalar labels). The print stylesheet hides the
// app around it.
import type { ApiClient } from '../api';
import { sessionPath } from '../navigation';
import { Link } from '../router';
import { formatDate, formatDateTime } from '../ui/format';
import { routeLabel, vitalsLine } from './session_rules';
import { useSession } from './use_session';

export const DISCHARGE_INSTRUCTIONS: readonly string[] = [
  'Do not drive, cycle or operate machinery until the next day, after a night’s sleep.',
  'Go home with the adult who came to collect you. If you can, have someone with you for the rest of the day.',
  'Do not drink alcohol or take sleeping tablets or other sedating medicines today unless your prescriber said you may.',
  'Feeling detached, dizzy, sleepy or sick can last a few hours: rest today and make no important decisions.',
  'Call the clinic if you feel unwell or have thoughts of harming yourself. Call emergency services at once for chest pain, a severe headache, trouble breathing or confusion that gets worse.',
];

export function DischargeSheetPage({ api, sessionId }: { api: ApiClient; sessionId: string }) {
  const { state } = useSession(api, sessionId);
  if (state.kind === 'loading')
    return (
      <p role="status" class="muted">
        Loading the discharge sheet…
      </p>
    );
  if (state.kind === 'failed')
    return (
      <section class="panel" role="alert">
        <h1>The discharge sheet could not be loaded</h1>
        <p>{state.message}</p>
      </section>
    );
  const s = state.session;
  const score = s.aldrete.at(-1);
  return (
    <article class="page printable discharge-sheet">
      <p class="no-print back-link">
        <Link href={sessionPath(s.id)}>Back to the session</Link>{' '}
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <h1>After your treatment today</h1>
      <dl class="facts">
        <dt>Patient</dt>
        <dd>{s.patient.display_name}</dd>
        <dt>Date</dt>
        <dd>{formatDate(s.appointment.start)}</dd>
        <dt>Treatment</dt>
        <dd>
          {routeLabel(s.route)}
          {s.dose_order ? `, ${s.dose_order.dose_mg} mg ordered` : ''}
        </dd>
        <dt>Dose given</dt>
        <dd>
          {s.timers.dose_started_at ? formatDateTime(s.timers.dose_started_at) : 'not started'}
          {s.timers.dose_ended_at ? ` to ${formatDateTime(s.timers.dose_ended_at)}` : ''}
        </dd>
        <dt>Last vital signs</dt>
        <dd>{vitalsLine(s.latest_vitals)}</dd>
        <dt>Recovery score</dt>
        <dd>{score ? `${score.total} of 10 at ${formatDateTime(score.at)}` : 'not scored'}</dd>
        <dt>Escort present</dt>
        <dd>{s.discharge.escort_present ? 'Yes' : 'No'}</dd>
        <dt>Discharged</dt>
        <dd>{s.discharge.discharged_at ? formatDateTime(s.discharge.discharged_at) : 'Not yet'}</dd>
        {s.follow_up_appointment_id && (
          <>
            <dt>Next appointment</dt>
            <dd>Booked (reference {s.follow_up_appointment_id}); the clinic sends you a reminder.</dd>
          </>
        )}
      </dl>
      <h2>Instructions</h2>
      <ul class="discharge-instructions">
        {DISCHARGE_INSTRUCTIONS.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </article>
  );
}
