// Whether a booked dosing session may start: each gate before dosing with what
// holds or what is missing (GET /appointments/{id}/readiness). The gates of the day
// itself (escort, fasting, pregnancy status, the questionnaire, vital signs) are
// listed as "at check-in".
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import type { SessionGate, SessionReadiness } from '../calendar_api_types';
import { problemFrom } from '../ui/form_problem';

const GATE_LABELS: Record<SessionGate['gate'], string> = {
  eligibility: 'Eligibility decision',
  consent: 'Consent for this route',
  dose_order: 'Dose order, double-checked',
  weight: 'Recent weight',
  escort: 'Escort home',
  fasting: 'Fasting',
  pregnancy: 'Pregnancy status',
  questionnaire: 'Pre-session questionnaire',
  vital_signs: 'Pre-dose vital signs',
};

const STATE_WORDS: Record<SessionGate['state'], string> = { passed: 'Done', failed: 'Missing', at_check_in: 'At check-in' };

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; readiness: SessionReadiness };

export function ReadinessChecklist({ api, appointmentId }: { api: ApiClient; appointmentId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    api.getSessionReadiness(appointmentId).then(
      (readiness) => current && setState({ kind: 'loaded', readiness }),
      (e: unknown) => current && setState({ kind: 'failed', message: problemFrom(e).message }),
    );
    return () => {
      current = false;
    };
  }, [api, appointmentId]);

  if (state.kind === 'loading')
    return (
      <p role="status" class="muted">
        Checking the gates before dosing…
      </p>
    );
  if (state.kind === 'failed')
    return (
      <p role="alert" class="form-error">
        The gates could not be checked: {state.message}
      </p>
    );
  const { readiness } = state;
  return (
    <section class="readiness" aria-labelledby="readiness-heading">
      <h3 id="readiness-heading">Before dosing</h3>
      <p class={readiness.ready ? 'readiness-verdict ready' : 'readiness-verdict not-ready'} role="status">
        {readiness.ready ? 'Ready to start: the check-in gates remain.' : 'Not ready: see what is missing below.'}
      </p>
      <ul class="gate-list" aria-labelledby="readiness-heading">
        {readiness.gates.map((g) => (
          <li key={g.gate} class={`gate gate-${g.state}`}>
            <span class="gate-state">{STATE_WORDS[g.state]}</span> <strong>{GATE_LABELS[g.gate]}</strong>: {g.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
