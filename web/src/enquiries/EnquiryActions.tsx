// The next steps an enquiry may take (admin, front desk). Closing asks for a reason.
import { useState } from 'preact/hooks';
import type { Enquiry } from '../api';
import { problemFrom } from '../ui/form_problem';
import { CloseEnquiryDialog } from './CloseEnquiryDialog';
import { nextSteps, type NextStep } from './enquiry_rules';

interface EnquiryActionsProps {
  enquiry: Pick<Enquiry, 'status' | 'given_name' | 'family_name'>;
  /** Moves the enquiry on; throws ApiError (409 invalid_transition, 400 on field reason). */
  onStep: (step: NextStep, reason: string) => Promise<void>;
}

export function EnquiryActions({ enquiry, onStep }: EnquiryActionsProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState('');
  const [closing, setClosing] = useState<NextStep | null>(null);
  const steps = nextSteps(enquiry.status);
  if (steps.length === 0) return null;

  const take = async (step: NextStep) => {
    if (step.needsReason) return setClosing(step);
    setPending(true);
    setError('');
    try {
      await onStep(step, '');
    } catch (e) {
      setError(problemFrom(e).message);
    } finally {
      setPending(false);
    }
  };

  const close = async (reason: string) => {
    if (!closing) return;
    await onStep(closing, reason); // the dialog shows a refusal
    setClosing(null);
  };

  return (
    <div class="enquiry-actions">
      <div class="actions" role="group" aria-label="Next steps">
        {steps.map((step) => (
          <button key={step.status} type="button" class={step.needsReason ? 'secondary' : undefined} disabled={pending} onClick={() => void take(step)}>
            {step.label}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      {closing && (
        <CloseEnquiryDialog name={`${enquiry.given_name} ${enquiry.family_name}`} onClose={close} onCancel={() => setClosing(null)} />
      )}
    </div>
  );
}
