// The questions for a place on a waiting list, shared by "Add person" (staff ask a
// caller) and the public join form: name, how to reach the person, the pre-screen
// (yes / no / unknown: unknown is a real answer) and, optionally, the age.
import { CONTACT_METHODS, HISTORY_ANSWERS, type HistoryAnswer } from '../api';
import { CONTACT_METHOD_LABELS } from '../enquiries/enquiry_rules';
import { NAME_MAX_LENGTH } from '../enquiries/enquiry_form';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { TextField } from '../ui/TextField';
import type { JoinField, PersonDraft, PersonErrors } from './waiting_form';
import { ANSWER_LABELS, PRESCREEN_LABELS, PRESCREEN_QUESTIONS } from './waiting_rules';

interface PersonFieldsProps {
  draft: PersonDraft;
  /** The changed answers, and the form fields they belong to (to clear their errors). */
  onChange: (change: Partial<PersonDraft>, fields: JoinField[]) => void;
  errors: PersonErrors;
  /** "visitor": the person fills it in (own words, browser autofill); "staff": asked on the phone. */
  audience: 'visitor' | 'staff';
}

export function PersonFields({ draft, onChange, errors, audience }: PersonFieldsProps) {
  const auto = (token: string) => (audience === 'visitor' ? token : 'off');
  const method = draft.preferred_contact;
  const contactLegend = audience === 'visitor' ? 'How would you like us to contact you?' : 'Preferred contact';
  return (
    <>
      <TextField label="Given name" name="given_name" value={draft.given_name} onValue={(given_name) => onChange({ given_name }, ['given_name'])} error={errors.given_name} autoComplete={auto('given-name')} maxLength={NAME_MAX_LENGTH} required />
      <TextField label="Family name" name="family_name" value={draft.family_name} onValue={(family_name) => onChange({ family_name }, ['family_name'])} error={errors.family_name} autoComplete={auto('family-name')} maxLength={NAME_MAX_LENGTH} required />
      <TextField label="E-mail" name="email" type="email" value={draft.email} onValue={(email) => onChange({ email }, ['email'])} error={errors.email} autoComplete={auto('email')} required={method === 'email'} />
      <TextField
        label="Phone"
        name="phone"
        type="tel"
        value={draft.phone}
        onValue={(phone) => onChange({ phone }, ['phone'])}
        error={errors.phone}
        hint={audience === 'visitor' ? 'Give at least the e-mail or the phone number we should use.' : 'At least the e-mail or the phone number.'}
        autoComplete={auto('tel')}
        required={method === 'phone' || method === 'text'}
      />
      <ChoiceGroup
        legend={contactLegend}
        name="preferred_contact"
        type="radio"
        choices={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
        selected={method ? [method] : []}
        onSelected={([chosen]) => onChange({ preferred_contact: CONTACT_METHODS.find((m) => m === chosen) ?? '' }, ['preferred_contact'])}
        error={errors.preferred_contact}
        required
      />
      <PrescreenFields draft={draft} onChange={onChange} errors={errors} audience={audience} />
      <TextField
        label={audience === 'visitor' ? 'Your age in years (optional)' : 'Age in years (optional)'}
        name="age_years"
        value={draft.age_years}
        onValue={(age_years) => onChange({ age_years }, ['age_years'])}
        error={errors.age_years}
        hint="Whole years, for example 34."
        autoComplete="off"
        maxLength={3}
      />
    </>
  );
}

const PRESCREEN_INTRO = {
  visitor: 'A few health questions, so that a clinician can check before a place is offered to you. “Not sure” is a fine answer.',
  staff: 'Pre-screen: ask each question as written. Record Unknown when the person is not sure; a clinician reviews before any offer.',
};

function PrescreenFields({ draft, onChange, errors, audience }: PersonFieldsProps) {
  const choices = HISTORY_ANSWERS.map((a) => ({ value: a, label: ANSWER_LABELS[a][audience] }));
  return (
    <>
      <p class="prescreen-intro">{PRESCREEN_INTRO[audience]}</p>
      {PRESCREEN_QUESTIONS.map((question) => {
        const field: JoinField = `prescreen.${question}`;
        return (
          <ChoiceGroup
            key={question}
            legend={PRESCREEN_LABELS[question][audience]}
            name={field}
            type="radio"
            inline
            choices={choices}
            selected={draft[question] ? [draft[question]] : []}
            onSelected={([chosen]) => onChange({ [question]: HISTORY_ANSWERS.find((a): a is HistoryAnswer => a === chosen) ?? '' }, [field])}
            error={errors[field]}
            required
          />
        );
      })}
    </>
  );
}
