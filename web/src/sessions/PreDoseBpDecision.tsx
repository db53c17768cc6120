// A pre-dose blood pressure above the clinic's limit (140/90 by default, Spravato
// label) does not block silently: it asks for a recorded decision, proceed with a
// reason or defer the dose. Shown only when the pressure is above the limit.
import { useState } from 'preact/hooks';
import { FormFooter } from '../chart/FormFooter';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { TextArea } from '../ui/TextArea';
import { readBpDecision } from './session_forms';
import { useSessionForm, type PanelProps } from './use_session_form';

const BEFORE_DOSING = ['scheduled', 'checked_in', 'ready_to_dose'];

export function PreDoseBpDecision({ api, session: s, onSession, canRun }: PanelProps) {
  const [decision, setDecision] = useState<'proceed' | 'defer' | ''>('');
  const [reason, setReason] = useState('');
  const form = useSessionForm(['decision', 'reason'], onSession);
  const p = s.pre_dose;
  if (!p.above_limit) return null;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.send(
      () => readBpDecision(decision, reason),
      (v) => api.decidePreDoseBp(s.id, v.decision, v.reason),
      'Decision recorded.',
    );
  };
  return (
    <section class="panel bp-warning" aria-labelledby="bp-decision-heading">
      <h2 id="bp-decision-heading">Pre-dose blood pressure above the limit</h2>
      <p>
        <strong>
          {p.reading ? `${p.reading.systolic_mmhg ?? '?'}/${p.reading.diastolic_mmhg ?? '?'} mmHg` : 'The pre-dose reading'}
        </strong>{' '}
        is above {p.bp_limit_systolic_mmhg}/{p.bp_limit_diastolic_mmhg} mmHg. Record a decision before dosing.
      </p>
      {p.bp_decision !== 'none' && (
        <p class="bp-decided">
          Decision: {p.bp_decision === 'proceed' ? 'proceed' : 'defer the dose'}
          {p.bp_decision_reason ? `: ${p.bp_decision_reason}` : ''} ({p.bp_decision_by})
        </p>
      )}
      {canRun && BEFORE_DOSING.includes(s.state) && (
        <form ref={form.formRef} onSubmit={onSubmit} noValidate aria-labelledby="bp-decision-heading">
          <ChoiceGroup
            legend="Decision"
            name="decision"
            type="radio"
            inline
            choices={[
              { value: 'proceed', label: 'Proceed' },
              { value: 'defer', label: 'Defer the dose' },
            ]}
            selected={decision ? [decision] : []}
            onSelected={(v) => {
              setDecision((v[0] as 'proceed' | 'defer' | undefined) ?? '');
              form.clear('decision');
            }}
            error={form.errorFor('decision')}
          />
          <TextArea label="Reason" name="reason" hint="Required to proceed." value={reason} onValue={(v) => { setReason(v); form.clear('reason'); }} error={form.errorFor('reason')} maxLength={1000} rows={2} />
          <FormFooter generalError={form.generalError} pending={form.pending} label="Record the decision" pendingLabel="Saving…" status={form.status} />
        </form>
      )}
    </section>
  );
}
