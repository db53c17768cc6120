// The questions a consultation request asks, shared by the public request page and
// "Add phone enquiry" (where the front desk asks the caller the same questions).
import type { Condition, ContactMethod, EnquiryDetails } from '../api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { HEARD_FROM_MAX_LENGTH, NAME_MAX_LENGTH, REASON_MAX_LENGTH, type FieldErrors } from './enquiry_form';
import { CONTACT_METHOD_LABELS } from './enquiry_rules';

interface EnquiryFieldsProps {
  details: EnquiryDetails;
  onChange: (change: Partial<EnquiryDetails>) => void;
  errors: FieldErrors;
  conditions: readonly Condition[];
  contactMethods: readonly ContactMethod[];
  /** Let the browser fill in the visitor's own name, e-mail and phone (not on staff forms). */
  autoFill: boolean;
}

export function EnquiryFields({ details, onChange, errors, conditions, contactMethods, autoFill }: EnquiryFieldsProps) {
  const auto = (token: string) => (autoFill ? token : 'off');
  const needs = details.preferred_contact;
  return (
    <>
      <TextField label="Given name" name="given_name" value={details.given_name} onValue={(given_name) => onChange({ given_name })} error={errors.given_name} autoComplete={auto('given-name')} maxLength={NAME_MAX_LENGTH} required />
      <TextField label="Family name" name="family_name" value={details.family_name} onValue={(family_name) => onChange({ family_name })} error={errors.family_name} autoComplete={auto('family-name')} maxLength={NAME_MAX_LENGTH} required />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        value={details.email}
        onValue={(email) => onChange({ email })}
        error={errors.email}
        autoComplete={auto('email')}
        required={needs === 'email'}
      />
      <TextField
        label="Phone"
        name="phone"
        type="tel"
        value={details.phone}
        onValue={(phone) => onChange({ phone })}
        error={errors.phone}
        hint="Give at least the e-mail or the phone number we should use."
        autoComplete={auto('tel')}
        required={needs === 'phone' || needs === 'text'}
      />
      <ChoiceGroup
        legend="How would you like us to contact you?"
        name="preferred_contact"
        type="radio"
        choices={contactMethods.map((method) => ({ value: method, label: CONTACT_METHOD_LABELS[method] }))}
        selected={details.preferred_contact ? [details.preferred_contact] : []}
        onSelected={([method]) => onChange({ preferred_contact: contactMethods.find((m) => m === method) ?? '' })}
        error={errors.preferred_contact}
        required
      />
      {conditions.length > 0 && (
        <ChoiceGroup
          legend="What would you like help with? (optional)"
          hint="Choose any that apply."
          name="conditions"
          type="checkbox"
          choices={conditions.map((c) => ({ value: c.code, label: c.label }))}
          selected={details.conditions}
          onSelected={(codes) => onChange({ conditions: codes })}
          error={errors.conditions}
        />
      )}
      <TextArea
        label="Anything else you'd like us to know (optional)"
        name="reason_text"
        value={details.reason_text}
        onValue={(reason_text) => onChange({ reason_text })}
        error={errors.reason_text}
        hint={`Up to ${REASON_MAX_LENGTH} characters.`}
        maxLength={REASON_MAX_LENGTH}
      />
      <TextField label="How did you hear about us? (optional)" name="heard_from" value={details.heard_from} onValue={(heard_from) => onChange({ heard_from })} error={errors.heard_from} autoComplete="off" maxLength={HEARD_FROM_MAX_LENGTH} />
    </>
  );
}
