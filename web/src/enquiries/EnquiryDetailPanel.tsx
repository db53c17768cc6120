// One enquiry in full: every field, the actions this user may take (including
// registering the person as a patient), later requests from the same person, and
// the status history. Focus moves to its heading once
// loaded, and back there after each step.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient, type Condition, type Enquiry, type EnquiryWithHistory } from '../api';
import { problemFrom } from '../ui/form_problem';
import { patientName } from '../ui/format';
import { EnquiryActions } from './EnquiryActions';
import { EnquiryFacts } from './EnquiryFacts';
import { EnquiryHistory } from './EnquiryHistory';
import { LinkedRequests } from './LinkedRequests';
import { RegisterPatient } from './RegisterPatient';
import { stepDoneMessage, type NextStep } from './enquiry_rules';

interface EnquiryDetailPanelProps {
  api: ApiClient;
  id: string;
  conditions: readonly Condition[];
  /** Show the status buttons and "Register as patient" (admin, front desk). */
  canManage: boolean;
  /** The enquiry changed: update the queue and say so. */
  onChanged: (enquiry: Enquiry, message: string) => void;
}

export function EnquiryDetailPanel({ api, id, conditions, canManage, onChanged }: EnquiryDetailPanelProps) {
  const [enquiry, setEnquiry] = useState<EnquiryWithHistory | null>(null);
  const [error, setError] = useState('');
  const [justRegistered, setJustRegistered] = useState(false);
  /** Why the form gave way to the chart link: someone else registered the person first. */
  const [registeredElsewhere, setRegisteredElsewhere] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus the heading after the render that follows a load (and after a dialog has closed).
  const [focusRequest, setFocusRequest] = useState(0);
  useEffect(() => {
    if (focusRequest > 0) heading.current?.focus();
  }, [focusRequest]);

  const load = useCallback(
    () =>
      api.getEnquiry(id).then(
        (loaded) => {
          setEnquiry(loaded);
          setError('');
        },
        (e: unknown) => setError(problemFrom(e).message),
      ),
    [api, id],
  );
  useEffect(() => void load().then(() => setFocusRequest((n) => n + 1)), [load]);

  const takeStep = async (step: NextStep, reason: string) => {
    try {
      const updated = await api.setEnquiryStatus(id, step.status, reason);
      onChanged(updated, stepDoneMessage(updated));
    } finally {
      // Also after a refusal (409: someone else moved it on): show what is true now.
      await load();
      setFocusRequest((n) => n + 1);
    }
  };

  const register = async (dateOfBirth: string) => {
    let registered: Enquiry;
    try {
      registered = await api.registerEnquiryPatient(id, dateOfBirth);
    } catch (e) {
      // 409 already_registered: someone else registered them; say so beside the chart link.
      if (e instanceof ApiError && e.status === 409) {
        setRegisteredElsewhere(e.message);
        await load();
        return;
      }
      throw e;
    }
    setJustRegistered(true);
    onChanged(registered, `${registered.given_name} ${registered.family_name}: registered as a patient.`);
    await load();
    setFocusRequest((n) => n + 1);
  };

  return (
    <section class="panel enquiry-detail" aria-labelledby="enquiry-heading" aria-busy={!enquiry && !error}>
      <h2 id="enquiry-heading" ref={heading} tabIndex={-1}>
        {enquiry ? patientName(enquiry) : 'Enquiry'}
      </h2>
      {!enquiry && !error && (
        <p role="status" class="muted">
          Loading…
        </p>
      )}
      {error && (
        <p role="alert" class="form-error">
          {error}{' '}
          <button type="button" class="link-button" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}
      {enquiry && (
        <>
          {canManage && <EnquiryActions enquiry={enquiry} onStep={takeStep} />}
          <RegisterPatient enquiry={enquiry} canRegister={canManage} justRegistered={justRegistered} registeredElsewhere={registeredElsewhere} onRegister={register} />
          <EnquiryFacts enquiry={enquiry} conditions={conditions} />
          <LinkedRequests linked={enquiry.linked} conditions={conditions} />
          <EnquiryHistory history={enquiry.history} />
        </>
      )}
    </section>
  );
}
