// "Record decision" (prescriber): the decision and its reason. When an exclusion
// finding exists and the decision is not "not eligible", the decision overrides it:
// the form says so and asks for an override reason, as the server requires.
import { useState } from 'preact/hooks';
import { DECISIONS, type Decision, type Finding, type NewEligibilityDecision } from '../api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { TextArea } from '../ui/TextArea';
import { problemFrom } from '../ui/form_problem';
import { useFocusProblem } from '../ui/use_focus_problem';
import { FormFooter } from './FormFooter';
import { DECISION_LABELS, exclusions, needsOverride } from './screening_rules';

const FIELDS = ['decision', 'reason', 'override_reason'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;
/** The server's limit for each reason. */
const REASON_MAX_LENGTH = 2000;
const CHOICES = DECISIONS.map((value) => ({ value, label: DECISION_LABELS[value] }));

interface DecisionFormProps {
  findings: readonly Finding[];
  /** Records it; throws ApiError (400 on field reason or override_reason, 403). */
  onRecord: (decision: NewEligibilityDecision) => Promise<void>;
}

export function DecisionForm({ findings, onRecord }: DecisionFormProps) {
  const [decision, setDecision] = useState<Decision | ''>('');
  const [reason, setReason] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [status, setStatus] = useState('');
  const focus = useFocusProblem(() => FIELDS.find((f) => errors[f]) ?? undefined);
  const excluded = exclusions(findings);
  // Also shown when the server asks for it (its findings may be newer than ours).
  const showOverride = needsOverride(decision, findings) || errors.override_reason !== undefined;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setStatus('');
    setGeneral(undefined);
    const found: Errors = {};
    if (!decision) found.decision = 'Choose a decision.';
    if (!reason.trim()) found.reason = 'Enter the reason for this decision.';
    if (showOverride && !overrideReason.trim()) found.override_reason = 'Enter why treatment may go ahead despite the exclusion.';
    setErrors(found);
    if (!decision || Object.keys(found).length > 0) return focus.show();
    setPending(true);
    try {
      await onRecord({ decision, reason: reason.trim(), override_reason: showOverride ? overrideReason.trim() : '' });
      setStatus(`Recorded: ${DECISION_LABELS[decision]}${showOverride ? ', overriding an exclusion' : ''}.`);
      setDecision('');
      setReason('');
      setOverrideReason('');
    } catch (e) {
      const problem = problemFrom(e);
      const field = FIELDS.find((f) => f === problem.field);
      setErrors(field ? { [field]: problem.message } : {});
      setGeneral(field ? undefined : problem.message);
      focus.show();
    } finally {
      setPending(false);
    }
  };

  return (
    <form ref={focus.formRef} class="panel decision-form" onSubmit={onSubmit} noValidate aria-labelledby="decision-heading">
      <h2 id="decision-heading">Record decision</h2>
      <ChoiceGroup
        legend="Decision"
        name="decision"
        type="radio"
        choices={CHOICES}
        selected={decision ? [decision] : []}
        onSelected={([value]) => setDecision(DECISIONS.find((d) => d === value) ?? '')}
        error={errors.decision}
        required
      />
      <TextArea label="Reason" name="reason" value={reason} onValue={setReason} error={errors.reason} rows={3} maxLength={REASON_MAX_LENGTH} required />
      {showOverride && (
        <div class="override-box">
          <p class="override-title">
            <strong>
              Override: this decision goes against {excluded.length > 1 ? `${excluded.length} exclusions` : 'an exclusion'}.
            </strong>
          </p>
          {excluded.length > 0 && (
            <ul>
              {excluded.map((f, i) => (
                <li key={`${f.rule}-${i}`}>{f.reason}</li>
              ))}
            </ul>
          )}
          <TextArea
            label="Override reason (required)"
            name="override_reason"
            value={overrideReason}
            onValue={setOverrideReason}
            error={errors.override_reason}
            hint="Why treatment may go ahead despite the exclusion. It is kept with the decision."
            rows={3}
            maxLength={REASON_MAX_LENGTH}
            required
          />
        </div>
      )}
      <FormFooter generalError={general} pending={pending} label="Record decision" pendingLabel="Recording…" status={status} />
    </form>
  );
}
