// The printable progress letter for the referring clinician
// (/patients/{id}/progress-letter): the clinic, today's date, the patient, who it
// is to (typed before printing), the treatment so far (sessions by route and their
// dates), each instrument from baseline to latest with its status and time to
// response, side effects, safety warnings and a signature line. The print
// stylesheet hides the app and the controls around it.
import { useState } from 'preact/hooks';
import type { ApiClient, PatientProgress } from '../api';
import { changeText } from '../measures/measures_rules';
import { patientChartPath } from '../navigation';
import { Link } from '../router';
import { formatDate, todayLocal } from '../ui/format';
import { TextArea } from '../ui/TextArea';
import { baselineToLatest, durabilityText, sessionsByRoute, severityLabel, STATUS_LABELS, timeToResponseText, warningLabel } from './progress_rules';
import { useProgress } from './use_progress';

export function ProgressLetterPage({ api, patientId }: { api: ApiClient; patientId: string }) {
  const { state } = useProgress(api, patientId);
  const [to, setTo] = useState('');
  if (state.kind === 'loading')
    return (
      <p role="status" class="muted">
        Loading the progress letter…
      </p>
    );
  if (state.kind === 'failed')
    return (
      <section class="panel" role="alert">
        <h1>The progress letter could not be loaded</h1>
        <p>{state.message}</p>
      </section>
    );
  const p = state.progress;
  return (
    <article class="page printable progress-letter">
      <div class="no-print letter-controls">
        <p class="back-link">
          <Link href={patientChartPath(patientId)}>Back to the chart</Link>
        </p>
        <TextArea label="To" name="to" rows={3} hint="The referring clinician's name and address, as they should appear on the letter." value={to} onValue={setTo} />
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <p class="letter-clinic">{p.clinic.name}</p>
      <p>Date: {todayLocal()}</p>
      <p class="letter-to preserve-lines">To: {to.trim() || '____________________'}</p>
      <h1>Treatment progress: {p.patient.name}</h1>
      <dl class="facts">
        <dt>Patient</dt>
        <dd>{p.patient.name}</dd>
        <dt>Date of birth</dt>
        <dd>{p.patient.date_of_birth}</dd>
      </dl>
      <TreatmentSummary progress={p} />
      <OutcomesSummary progress={p} />
      <h2>Side effects</h2>
      {p.side_effects.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <ul>
          {p.side_effects.map((e) => (
            <li key={`${e.session_id}-${e.at}-${e.kind}`}>
              {formatDate(e.at)}: {e.label}, {severityLabel(e.severity).toLowerCase()}
              {e.serious && <strong> (serious adverse event)</strong>}
              {e.outcome && `; ${severityLabel(e.outcome).toLowerCase()}`}
            </li>
          ))}
        </ul>
      )}
      <h2>Safety</h2>
      {p.safety.warnings.length === 0 ? (
        <p>No long-term safety warnings.</p>
      ) : (
        <ul>
          {p.safety.warnings.map((w) => (
            <li key={w.code + w.message}>
              <strong>{warningLabel(w.code)}:</strong> {w.message}
            </li>
          ))}
        </ul>
      )}
      {p.follow_up.plan && (
        <p>
          Follow-up: check-ins every {p.follow_up.plan.interval_days} days from {p.follow_up.plan.start}.
        </p>
      )}
      <div class="signature-line">
        <p>Signed: ______________________________</p>
        <p>Name and role: ______________________________</p>
        <p>Date: ______________</p>
      </div>
    </article>
  );
}

function TreatmentSummary({ progress }: { progress: PatientProgress }) {
  const routes = sessionsByRoute(progress.sessions);
  const total = routes.reduce((n, r) => n + r.count, 0);
  return (
    <>
      <h2>Treatment</h2>
      {total === 0 ? (
        <p>No treatment sessions yet.</p>
      ) : (
        <>
          <p>
            {total} ketamine {total === 1 ? 'session' : 'sessions'}
            {progress.first_session_at && ` since ${formatDate(progress.first_session_at)}`}:
          </p>
          <ul>
            {routes.map((r) => (
              <li key={r.route}>
                {r.label}: {r.count} {r.count === 1 ? `session on ${formatDate(r.first)}` : `sessions, ${formatDate(r.first)} to ${formatDate(r.last)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function OutcomesSummary({ progress }: { progress: PatientProgress }) {
  return (
    <>
      <h2>Outcomes</h2>
      {progress.instruments.length === 0 ? (
        <p>No questionnaire scores yet.</p>
      ) : (
        <table class="letter-outcomes">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Baseline → latest</th>
              <th scope="col">Change</th>
              <th scope="col">Status</th>
              <th scope="col">Time to response</th>
              <th scope="col">Durability</th>
            </tr>
          </thead>
          <tbody>
            {progress.instruments.map((i) => (
              <tr key={i.instrument}>
                <th scope="row">{i.label}</th>
                <td>{baselineToLatest(i)}</td>
                <td>{changeText(i) ?? '—'}</td>
                <td>{i.response_applies ? STATUS_LABELS[i.status] : 'No response rule'}</td>
                <td>{timeToResponseText(i)}</td>
                <td>{durabilityText(i)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
