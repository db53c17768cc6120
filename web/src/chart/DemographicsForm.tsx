// Demographics and contacts (admin, prescriber, nurse, front desk): the identity,
// sex at birth and gender, how to reach the patient, the emergency contact, the
// usual escort home, the referrer, and the guardian a patient under 18 needs. Save
// sends only the fields that changed; the others keep what the server holds.
import { useEffect, useState } from 'preact/hooks';
import { SEX_AT_BIRTH, type DemographicsChange, type PatientRecord } from '../api';
import { todayLocal } from '../ui/format';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';
import { FormFooter } from './FormFooter';
import { DEMOGRAPHICS_FORM_FIELDS, SEX_AT_BIRTH_LABELS, changedDemographics, checkDemographics, draftOf, isMinor, type DemographicsDraft, type DemographicsFormField } from './record_rules';
import { useChartForm } from './use_chart_form';

const SEX_CHOICES = SEX_AT_BIRTH.map((value) => ({ value, label: SEX_AT_BIRTH_LABELS[value] }));
const PHONE_HINT = 'Digits, spaces and an optional +: 7 to 15 digits.';

interface DemographicsFormProps {
  record: PatientRecord;
  /** Saves the changed fields; throws ApiError (400 with a field). */
  onSave: (change: DemographicsChange) => Promise<void>;
}

export function DemographicsForm({ record, onSave }: DemographicsFormProps) {
  const [draft, setDraft] = useState<DemographicsDraft>(() => draftOf(record));
  useEffect(() => setDraft(draftOf(record)), [record]);
  const form = useChartForm(DEMOGRAPHICS_FORM_FIELDS);
  const today = todayLocal();
  const changed = changedDemographics(record, draft);
  const count = Object.keys(changed).length;

  const field = (name: DemographicsFormField, label: string, extra: { type?: 'text' | 'email' | 'tel' | 'date'; hint?: string; maxLength?: number; required?: boolean; autoComplete?: string } = {}) => (
    <TextField
      label={label}
      name={name}
      value={draft[name]}
      onValue={(value) => {
        setDraft((d) => ({ ...d, [name]: value }));
        form.clear(name);
      }}
      error={form.errorFor(name)}
      autoComplete="off"
      {...extra}
    />
  );

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void form.submit(
      () => checkDemographics(draft, today) ?? (count === 0 ? { message: 'Nothing has changed, so there is nothing to save.' } : null),
      async () => {
        await onSave(changed);
        return `Saved ${count} ${count === 1 ? 'change' : 'changes'}.`;
      },
    );
  };

  return (
    <form ref={form.formRef} class="panel demographics-form" onSubmit={onSubmit} noValidate aria-labelledby="demographics-heading">
      <h2 id="demographics-heading">Demographics and contacts</h2>
      <fieldset>
        <legend>Identity</legend>
        {field('given_name', 'Given name', { maxLength: 100, required: true })}
        {field('family_name', 'Family name', { maxLength: 100, required: true })}
        {field('date_of_birth', 'Date of birth', { type: 'date', required: true })}
        {field('preferred_name', 'Preferred name', { maxLength: 100, hint: 'What the patient likes to be called.' })}
        <SelectField
          label="Sex at birth"
          name="sex_at_birth"
          value={draft.sex_at_birth}
          onValue={(value) => {
            setDraft((d) => ({ ...d, sex_at_birth: value }));
            form.clear('sex_at_birth');
          }}
          choices={SEX_CHOICES}
          placeholder="Choose"
          error={form.errorFor('sex_at_birth')}
          required
        />
        {field('gender_identity', 'Gender identity', { maxLength: 100, hint: 'Optional, in the patient’s own words.' })}
      </fieldset>
      <fieldset>
        <legend>Contact</legend>
        {field('phone', 'Phone', { type: 'tel', hint: PHONE_HINT })}
        {field('email', 'Email', { type: 'email' })}
      </fieldset>
      <fieldset>
        <legend>Emergency contact</legend>
        {field('emergency_contact_name', 'Emergency contact name', { maxLength: 100 })}
        {field('emergency_contact_relationship', 'Emergency contact relationship', { maxLength: 50 })}
        {field('emergency_contact_phone', 'Emergency contact phone', { type: 'tel', hint: PHONE_HINT })}
      </fieldset>
      <fieldset>
        <legend>Escort or driver home</legend>
        <p class="hint">Who usually takes the patient home after a session.</p>
        {field('escort_name', 'Escort name', { maxLength: 100 })}
        {field('escort_phone', 'Escort phone', { type: 'tel', hint: PHONE_HINT })}
      </fieldset>
      <fieldset>
        <legend>Referral</legend>
        {field('referrer', 'Referred by', { maxLength: 200 })}
      </fieldset>
      <fieldset>
        <legend>Guardian</legend>
        <p class="hint">{isMinor(draft.date_of_birth, today) ? 'Required: the patient is under 18.' : 'Required for a patient under 18.'}</p>
        {field('guardian_name', 'Guardian name', { maxLength: 100 })}
        {field('guardian_relationship', 'Guardian relationship', { maxLength: 50 })}
        {field('guardian_phone', 'Guardian phone', { type: 'tel', hint: PHONE_HINT })}
      </fieldset>
      <p class="unsaved-count">{count > 0 ? `${count} ${count === 1 ? 'field' : 'fields'} changed, not saved yet.` : ''}</p>
      <FormFooter generalError={form.generalError} pending={form.pending} label="Save demographics" pendingLabel="Saving…" status={form.status} />
    </form>
  );
}
