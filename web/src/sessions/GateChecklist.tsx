// The gates of the session's next step, each with what holds or what is missing (the
// look of the calendar's readiness checklist). A refused step's message shows next to
// the gate the server named.
import type { SessionGateCheck, SessionTransition } from '../api';
import type { FormProblem } from '../ui/form_problem';
import { TRANSITION_LABELS, gateLabel } from './session_rules';

const STATE_WORDS: Record<SessionGateCheck['state'], string> = { passed: 'Done', failed: 'Missing', at_check_in: 'At check-in' };

interface GateChecklistProps {
  gates: readonly SessionGateCheck[];
  next: SessionTransition | null;
  /** The server's refusal of the last step tried, if any. */
  refusal: FormProblem | null;
}

export function GateChecklist({ gates, next, refusal }: GateChecklistProps) {
  if (gates.length === 0 || !next) return null;
  const missing = gates.filter((g) => g.state === 'failed').length;
  return (
    <section class="readiness session-gates" aria-labelledby="session-gates-heading">
      <h3 id="session-gates-heading">Before “{TRANSITION_LABELS[next]}”</h3>
      <p class={missing === 0 ? 'readiness-verdict ready' : 'readiness-verdict not-ready'}>
        {missing === 0 ? 'Every gate holds.' : `${missing} gate${missing === 1 ? '' : 's'} missing: see below.`}
      </p>
      <ul class="gate-list" aria-labelledby="session-gates-heading">
        {gates.map((g) => (
          <li key={g.gate} class={`gate gate-${g.state}`}>
            <span class="gate-state">{STATE_WORDS[g.state]}</span> <strong>{gateLabel(g.gate)}</strong>: {g.message}
            {refusal?.field === g.gate && (
              <p class="field-error" role="alert">
                Refused: {refusal.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
