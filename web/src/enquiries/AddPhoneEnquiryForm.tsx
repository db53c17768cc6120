// "Add phone enquiry" (admin, front desk): the caller's answers to the request
// page's questions. Consent is given on the call, so there is no consent box.
import { useState } from 'preact/hooks';
import type { Condition, ContactMethod, EnquiryDetails } from '../api';
import { useFocusProblem } from '../ui/use_focus_problem';
import { EnquiryFields } from './EnquiryFields';
import { DETAIL_FIELDS, EMPTY_DETAILS, checkDetails, errorsAfterChange, firstErrorField, submitProblem, trimmedDetails, type FieldErrors } from './enquiry_form';

interface AddPhoneEnquiryFormProps {
  conditions: readonly Condition[];
  contactMethods: readonly ContactMethod[];
  /** Records the enquiry; throws ApiError (400 validation_failed with a field). */
  onAdd: (details: EnquiryDetails) => Promise<void>;
}

export function AddPhoneEnquiryForm({ conditions, contactMethods, onAdd }: AddPhoneEnquiryFormProps) {
  const [details, setDetails] = useState<EnquiryDetails>(EMPTY_DETAILS);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState('');
  const [pending, setPending] = useState(false);
  const focus = useFocusProblem(() => firstErrorField(errors));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const trimmed = trimmedDetails(details);
    const found = checkDetails(trimmed);
    setErrors(found);
    setGeneral('');
    if (firstErrorField(found)) return focus.show();
    setPending(true);
    try {
      await onAdd(trimmed);
      setDetails(EMPTY_DETAILS);
    } catch (e) {
      const problem = submitProblem(e, DETAIL_FIELDS);
      setErrors(problem.errors);
      setGeneral(problem.general);
      focus.show();
    } finally {
      setPending(false);
    }
  };

  return (
    <form ref={focus.formRef} class="panel" onSubmit={onSubmit} noValidate aria-labelledby="add-enquiry-heading">
      <h2 id="add-enquiry-heading">Add phone enquiry</h2>
      <EnquiryFields
        details={details}
        onChange={(change) => {
          setDetails((d) => ({ ...d, ...change }));
          setErrors((e) => errorsAfterChange(e, Object.keys(change)));
        }}
        errors={errors}
        conditions={conditions}
        contactMethods={contactMethods}
        autoFill={false}
      />
      {general && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {general}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add phone enquiry'}
      </button>
    </form>
  );
}
