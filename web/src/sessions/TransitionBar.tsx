// The session's next steps: the gate checklist of the next transition and a button per
// transition the state allows. Pausing and ending early ask for the reason; starting an
// IV dose asks for the pump rate (empty: the ordered rate). A refused step shows its
// message next to the gate the server named, or next to the field, or above the buttons.
import { useState } from 'preact/hooks';
import type { SessionTransition, TransitionRequest } from '../api';
import { TextField } from '../ui/TextField';
import { problemFrom, type FormProblem } from '../ui/form_problem';
import { GateChecklist } from './GateChecklist';
import { readStartRate, requireText } from './session_forms';
import { TRANSITION_LABELS, isIv, needsReason } from './session_rules';
import type { PanelProps } from './use_session_form';

export function TransitionBar({ api, session: s, onSession, canRun }: PanelProps) {
  const [refusal, setRefusal] = useState<FormProblem | null>(null);
  const [asking, setAsking] = useState<SessionTransition | null>(null);
  const [reason, setReason] = useState('');
  const [rate, setRate] = useState('');
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState('');
  const asksRate = (t: SessionTransition) => t === 'start_dosing' && isIv(s.route);

  const go = async (transition: SessionTransition, extra: Omit<TransitionRequest, 'transition'>) => {
    setPending(true);
    setStatus('');
    try {
      onSession(await api.transitionSession(s.id, { transition, ...extra }));
      setAsking(null);
      setReason('');
      setRate('');
      setStatus(`Done: ${TRANSITION_LABELS[transition]}.`);
    } catch (e) {
      setRefusal(problemFrom(e));
    } finally {
      setPending(false);
    }
  };
  const press = (t: SessionTransition) => {
    setRefusal(null);
    if (needsReason(t) || asksRate(t)) setAsking(t);
    else void go(t, {});
  };
  const confirm = (event: Event) => {
    event.preventDefault();
    if (!asking) return;
    const extra: Omit<TransitionRequest, 'transition'> = {};
    if (needsReason(asking)) {
      const r = requireText('reason', reason, asking === 'pause' ? 'Give the reason for pausing.' : 'Give the reason for ending the session early.');
      if ('problem' in r) return setRefusal(r.problem);
      extra.reason = r.value;
    }
    if (asksRate(asking)) {
      const r = readStartRate(rate);
      if ('problem' in r) return setRefusal(r.problem);
      if (r.value !== undefined) extra.rate_ml_per_h = r.value;
    }
    void go(asking, extra);
  };
  const gateNames = s.gates.map((g) => g.gate);
  const general = refusal && (!refusal.field || (!gateNames.includes(refusal.field) && refusal.field !== 'reason' && refusal.field !== 'rate_ml_per_h')) ? refusal.message : '';

  return (
    <section class="panel session-steps" aria-labelledby="session-steps-heading">
      <h2 id="session-steps-heading">Next step</h2>
      <GateChecklist gates={s.gates} next={s.next_transition} refusal={refusal} />
      {general && (
        <p class="form-error" role="alert">
          {general}
        </p>
      )}
      {canRun && s.transitions.length > 0 && (
        <div class="actions transition-buttons">
          {s.transitions.map((t) => (
            <button key={t} type="button" class={t === 'abort' ? 'danger' : t === s.next_transition ? '' : 'secondary'} disabled={pending} aria-expanded={needsReason(t) || asksRate(t) ? asking === t : undefined} onClick={() => press(t)}>
              {TRANSITION_LABELS[t]}
            </button>
          ))}
        </div>
      )}
      {!canRun && s.transitions.length > 0 && <p class="muted">A nurse or prescriber moves the session on.</p>}
      {canRun && asking && (
        <form class="sub-form" onSubmit={confirm} noValidate aria-label={TRANSITION_LABELS[asking]}>
          {needsReason(asking) && (
            <TextField label={asking === 'pause' ? 'Reason for pausing' : 'Reason for ending the session early'} name="reason" value={reason} onValue={setReason} error={refusal?.field === 'reason' ? refusal.message : undefined} maxLength={1000} required />
          )}
          {asksRate(asking) && (
            <TextField
              label="Starting pump rate (mL/h)"
              name="rate_ml_per_h"
              type="number"
              min="0"
              step="0.1"
              hint={s.dose_order?.rate_ml_per_h != null ? `Leave empty for the ordered ${s.dose_order.rate_ml_per_h} mL/h.` : 'Leave empty for the ordered rate.'}
              value={rate}
              onValue={setRate}
              error={refusal?.field === 'rate_ml_per_h' ? refusal.message : undefined}
            />
          )}
          <div class="actions">
            <button type="submit" class={asking === 'abort' ? 'danger' : ''} disabled={pending}>
              {TRANSITION_LABELS[asking]}
            </button>
            <button type="button" class="secondary" onClick={() => setAsking(null)}>
              Not now
            </button>
          </div>
        </form>
      )}
      <p role="status" class="form-status">
        {status}
      </p>
    </section>
  );
}
