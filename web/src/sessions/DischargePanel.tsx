// Discharge: the escort is here and the written instructions were given (two of the
// discharge gates; the others are listed under "Next step"), a prescriber's override
// with a reason, the printable discharge sheet, and the follow-up booking.
import { useState } from 'preact/hooks';
import { FormFooter } from '../chart/FormFooter';
import { sessionPath } from '../navigation';
import { Link } from '../router';
import { TextArea } from '../ui/TextArea';
import { formatDateTime } from '../ui/format';
import { FollowUpForm } from './FollowUpForm';
import { requireText } from './session_forms';
import { useSessionForm, type PanelProps } from './use_session_form';

const SHOWN_IN = ['observing', 'ready_for_discharge', 'discharged'];

export function DischargePanel(props: PanelProps & { canOverride: boolean }) {
  const { session: s, canRun, canOverride } = props;
  if (!SHOWN_IN.includes(s.state)) return null;
  const d = s.discharge;
  return (
    <section class="panel discharge-panel" aria-labelledby="discharge-heading">
      <h2 id="discharge-heading">Discharge</h2>
      {d.discharged_at && <p class="discharged">Discharged {formatDateTime(d.discharged_at)}.</p>}
      {canRun && !d.discharged_at ? <DischargeChecks {...props} /> : <p>Escort present: {d.escort_present ? 'yes' : 'no'}. Instructions given: {d.instructions_given ? 'yes' : 'no'}.</p>}
      {d.override_reason && (
        <p class="override-box">
          Discharge gates overridden by {d.override_by}: {d.override_reason}
        </p>
      )}
      {canOverride && !d.discharged_at && !d.override_reason && <DischargeOverride {...props} />}
      <p>
        <Link href={sessionPath(s.id, 'discharge-sheet')}>Print discharge sheet</Link>
      </p>
      {s.follow_up_appointment_id ? <p>Follow-up booked (appointment {s.follow_up_appointment_id}).</p> : canRun && <FollowUpForm {...props} />}
    </section>
  );
}

function DischargeChecks({ api, session: s, onSession }: PanelProps) {
  const [escort, setEscort] = useState(s.discharge.escort_present);
  const [instructions, setInstructions] = useState(s.discharge.instructions_given);
  const form = useSessionForm(['escort_present', 'instructions_given'], onSession);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(() => ({ value: { escort_present: escort, instructions_given: instructions } }), (v) => api.recordDischargeChecks(s.id, v), 'Discharge checks saved.');
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-label="Discharge checks">
      <label class="checkbox">
        <input type="checkbox" name="escort_present" checked={escort} onChange={(e) => setEscort(e.currentTarget.checked)} />
        The escort who takes the patient home is present
      </label>
      <label class="checkbox">
        <input type="checkbox" name="instructions_given" checked={instructions} onChange={(e) => setInstructions(e.currentTarget.checked)} />
        Written discharge instructions given (no driving until the next day after sleep)
      </label>
      <FormFooter generalError={form.generalError} pending={form.pending} label="Save discharge checks" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}

function DischargeOverride({ api, session: s, onSession }: PanelProps) {
  const [reason, setReason] = useState('');
  const form = useSessionForm(['reason'], onSession);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(() => requireText('reason', reason, 'Give the reason for overriding the discharge gates.'), (v) => api.overrideDischarge(s.id, v), 'Override recorded.');
  };
  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate class="sub-form" aria-labelledby="override-heading">
      <h3 id="override-heading">Override the discharge gates (prescriber)</h3>
      <TextArea label="Reason for the override" name="reason" hint="Kept with the session and in the audit trail." value={reason} onValue={(v) => { setReason(v); form.clear('reason'); }} error={form.errorFor('reason')} maxLength={1000} rows={2} required />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Override" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}
