// The public consultation request form: the enquiry questions, consent, and a
// honeypot field people never see. Problems show next to their fields; focus moves
// to the first one.
import { useState } from 'preact/hooks';
import type { ConsultationReceipt, ConsultationRequest, EnquiryDetails, PublicClinic } from '../api';
import { EnquiryFields } from '../enquiries/EnquiryFields';
import { EMPTY_DETAILS, REQUEST_FIELDS, checkRequest, errorsAfterChange, firstErrorField, submitProblem, trimmedDetails, type FieldErrors } from '../enquiries/enquiry_form';
import { useFocusProblem } from '../ui/use_focus_problem';

interface ConsultationRequestFormProps {
  clinic: PublicClinic;
  /** Sends the request; throws ApiError (400 with a field, 413, 429). */
  onSubmit: (request: ConsultationRequest) => Promise<ConsultationReceipt>;
  onReceived: (receipt: ConsultationReceipt) => void;
}

export function ConsultationRequestForm({ clinic, onSubmit, onReceived }: ConsultationRequestFormProps) {
  const [details, setDetails] = useState<EnquiryDetails>(EMPTY_DETAILS);
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState('');
  const [pending, setPending] = useState(false);
  const focus = useFocusProblem(() => firstErrorField(errors));

  const onSubmitForm = async (event: Event) => {
    event.preventDefault();
    const request: ConsultationRequest = { ...trimmedDetails(details), consent_to_contact: consent, website };
    const found = checkRequest(request);
    setErrors(found);
    setGeneral('');
    if (firstErrorField(found)) return focus.show();
    setPending(true);
    try {
      onReceived(await onSubmit(request));
    } catch (e) {
      const problem = submitProblem(e, REQUEST_FIELDS);
      setErrors(problem.errors);
      setGeneral(problem.general);
      setPending(false);
      focus.show();
    }
  };

  return (
    <form ref={focus.formRef} class="panel request-form" onSubmit={onSubmitForm} noValidate aria-labelledby="request-heading">
      <h1 id="request-heading">Request a consultation</h1>
      <p>Tell us a little about yourself and we will get in touch. Questions marked (optional) can be left empty.</p>
      <p class="notice">This form is not for emergencies. If you are in crisis or thinking about harming yourself, call your local emergency number now.</p>
      <EnquiryFields
        details={details}
        onChange={(change) => {
          setDetails((d) => ({ ...d, ...change }));
          setErrors((e) => errorsAfterChange(e, Object.keys(change)));
        }}
        errors={errors}
        conditions={clinic.conditions}
        contactMethods={clinic.contact_methods}
        autoFill
      />
      {details.conditions.includes('suicidal_thoughts') && clinic.crisis_message && (
        <div class="crisis-message" role="alert">
          <h2>If you need help now</h2>
          <p>{clinic.crisis_message}</p>
        </div>
      )}
      <ConsentField
        clinicName={clinic.name}
        checked={consent}
        onChecked={(checked) => {
          setConsent(checked);
          setErrors((e) => errorsAfterChange(e, ['consent_to_contact']));
        }}
        error={errors.consent_to_contact}
      />
      <div class="honeypot" aria-hidden="true">
        <label for="request-website">Website</label>
        <input id="request-website" name="website" type="text" value={website} onInput={(e) => setWebsite(e.currentTarget.value)} tabIndex={-1} autoComplete="off" aria-hidden="true" />
      </div>
      {general && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {general}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Send request'}
      </button>
    </form>
  );
}

interface ConsentFieldProps {
  clinicName: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  error: string | undefined;
}

function ConsentField({ clinicName, checked, onChecked, error }: ConsentFieldProps) {
  return (
    <div class="field">
      <label class="checkbox">
        <input
          type="checkbox"
          name="consent_to_contact"
          checked={checked}
          onChange={(e) => onChecked(e.currentTarget.checked)}
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'request-consent-error' : undefined}
        />
        I agree that {clinicName} may contact me about this request.
      </label>
      {error && (
        <p id="request-consent-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
