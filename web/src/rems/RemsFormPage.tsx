// The Spravato REMS Patient Monitoring Form of one session (/sessions/{id}/rems-form),
// filled from the session for review before it is sent, printable, and "Mark
// submitted" with the date it was sent (within 7 days of the session). The fields
// are those of the clinical reference §3; check them against the current official
// form before relying on the print.
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type ApiClient, type RemsForm } from '../api';
import { FormFooter } from '../chart/FormFooter';
import { useChartForm } from '../chart/use_chart_form';
import { sessionPath } from '../navigation';
import { Link } from '../router';
import { TextField } from '../ui/TextField';
import { problemFrom } from '../ui/form_problem';
import { formatDateTime, todayLocal } from '../ui/format';
import { CONCOMITANT_LABELS, seriousEventText, yesNo } from './rems_rules';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; form: RemsForm };

export function RemsFormPage({ api, sessionId, canSubmit }: { api: ApiClient; sessionId: string; canSubmit: boolean }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    api.getRemsForm(sessionId).then(
      (form) => current && setState({ kind: 'loaded', form }),
      (e: unknown) =>
        current && setState({ kind: 'failed', message: e instanceof ApiError && e.code === 'not_esketamine' ? 'This session was not an esketamine session: no REMS form applies.' : problemFrom(e).message }),
    );
    return () => {
      current = false;
    };
  }, [api, sessionId, generation]);
  if (state.kind === 'loading')
    return (
      <p role="status" class="muted">
        Loading the REMS form…
      </p>
    );
  if (state.kind === 'failed')
    return (
      <section class="panel" role="alert">
        <h1>The REMS form could not be shown</h1>
        <p>{state.message}</p>
        <p>
          <Link href={sessionPath(sessionId)}>Back to the session</Link>
        </p>
      </section>
    );
  const f = state.form;
  return (
    <article class="page printable rems-form">
      <p class="no-print back-link">
        <Link href={sessionPath(sessionId)}>Back to the session</Link> · <Link href="/rems-forms">All pending forms</Link>{' '}
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <h1>Spravato REMS Patient Monitoring Form</h1>
      <p class="muted">
        Due by {f.due_on}. {f.submitted_on ? `Submitted on ${f.submitted_on}.` : 'Not submitted yet.'}
      </p>
      <dl class="facts">
        <dt>Patient</dt>
        <dd>{f.patient.name}</dd>
        <dt>Date of birth</dt>
        <dd>{f.patient.date_of_birth}</dd>
        <dt>Sex</dt>
        <dd>{f.patient.sex_at_birth ?? 'Not recorded'}</dd>
        {(Object.keys(CONCOMITANT_LABELS) as (keyof RemsForm['concomitant'])[]).map((k) => (
          <Fragment key={k}>
            <dt>Concomitant {CONCOMITANT_LABELS[k]}</dt>
            <dd>{yesNo(f.concomitant[k])}</dd>
          </Fragment>
        ))}
        <dt>Monitoring clinician</dt>
        <dd>{f.monitoring_clinician}</dd>
        <dt>Setting</dt>
        <dd>{f.setting}</dd>
        <dt>Date of the session</dt>
        <dd>{f.date}</dd>
        <dt>Dose</dt>
        <dd>
          {f.dose_mg !== null ? `${f.dose_mg} mg` : 'Not recorded'}
          {f.devices !== null ? ` (${f.devices} devices)` : ''}
        </dd>
        <dt>Lot</dt>
        <dd>{f.lot || 'Not recorded'}</dd>
        <dt>Total minutes monitored</dt>
        <dd>{f.minutes_monitored ?? 'Not recorded'}</dd>
        <dt>Vital signs acceptable before dosing</dt>
        <dd>{yesNo(f.vitals_acceptable_before)}</dd>
        <dt>Vital signs acceptable at discharge</dt>
        <dd>{yesNo(f.vitals_acceptable_after)}</dd>
        <dt>Blood pressure readings</dt>
        <dd>{f.bp_readings.length === 0 ? 'None' : f.bp_readings.map((r) => `${formatDateTime(r.at).slice(11, 16)} ${r.systolic_mmhg ?? '?'}/${r.diastolic_mmhg ?? '?'}`).join('; ')}</dd>
        <dt>Sedation</dt>
        <dd>{yesNo(f.sedation)}</dd>
        <dt>Dissociation</dt>
        <dd>{yesNo(f.dissociation)}</dd>
        <dt>Respiratory depression</dt>
        <dd>{yesNo(f.respiratory_depression)}</dd>
        <dt>Serious adverse events</dt>
        <dd>{f.serious_adverse_events.length === 0 ? 'None' : f.serious_adverse_events.map(seriousEventText).join('; ')}</dd>
      </dl>
      {canSubmit && !f.submitted_on && <MarkSubmitted api={api} sessionId={sessionId} onDone={() => setGeneration((n) => n + 1)} />}
    </article>
  );
}

function MarkSubmitted({ api, sessionId, onDone }: { api: ApiClient; sessionId: string; onDone: () => void }) {
  const [date, setDate] = useState(() => todayLocal());
  const form = useChartForm(['submitted_on']);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? (date > todayLocal() ? { field: 'submitted_on', message: 'The date cannot be in the future.' } : null) : { field: 'submitted_on', message: 'Enter the date the form was submitted.' }),
      async () => {
        await api.markRemsFormSubmitted(sessionId, date);
        onDone();
        return 'Marked submitted.';
      },
    );
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="panel no-print" aria-labelledby="rems-submit-heading">
      <h2 id="rems-submit-heading">Mark submitted</h2>
      <TextField label="Submitted on" name="submitted_on" type="date" value={date} onValue={(v) => { setDate(v); form.clear('submitted_on'); }} error={form.errorFor('submitted_on')} required />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Mark submitted" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}
