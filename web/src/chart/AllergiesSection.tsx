// Allergies: each one with its reaction and who recorded it, and for editors a form
// to add one. A ketamine hypersensitivity answered on the History tab is a separate
// record; it is named here too so that neither is missed. An allergy entered in error
// stays listed, struck through, and raises no flag.
import { useState } from 'preact/hooks';
import type { Allergy, NewAllergy, PatientHistory } from '../api';
import { formatDate } from '../ui/format';
import { TextField } from '../ui/TextField';
import { EnteredInErrorButton, EnteredInErrorNote, Struck, useEnteredInError, validFirst } from './EnteredInError';
import { FormFooter } from './FormFooter';
import { useChartForm } from './use_chart_form';

interface AllergiesSectionProps {
  allergies: readonly Allergy[];
  history: Pick<PatientHistory, 'answers'>;
  canEdit: boolean;
  /** Adds it; throws ApiError (400 or 409 on field substance). */
  onAdd: (allergy: NewAllergy) => Promise<void>;
  /** Marks it entered in error; throws ApiError. */
  onMarkError: (allergy: Allergy, reason: string) => Promise<void>;
}

export function AllergiesSection({ allergies, history, canEdit, onAdd, onMarkError }: AllergiesSectionProps) {
  const marking = useEnteredInError((a: Allergy) => `the allergy to ${a.substance}`, onMarkError);
  const hypersensitive = history.answers.some((a) => a.question === 'ketamine_hypersensitivity' && a.answer === 'yes');
  return (
    <section class="panel" aria-labelledby="allergies-heading">
      <h2 id="allergies-heading">Allergies</h2>
      {hypersensitive && (
        <p class="notice ketamine-note">
          The history also records hypersensitivity to ketamine, esketamine or their excipients (History tab).
        </p>
      )}
      {allergies.length === 0 ? (
        <p class="muted">No allergies recorded.</p>
      ) : (
        <ul class="event-list allergies">
          {validFirst(allergies).map((a) => (
            <li key={a.id} class={a.entered_in_error ? 'entered-in-error' : undefined}>
              <span class="event-text">
                <Struck entry={a}>
                  <strong>{a.substance}</strong>
                  {a.reaction ? ` — ${a.reaction}` : ' — reaction not recorded'}
                </Struck>
              </span>
              <span class="event-by">
                Recorded <time dateTime={a.recorded_at}>{formatDate(a.recorded_at)}</time> by {a.recorded_by}
              </span>
              {a.entered_in_error && <EnteredInErrorNote mark={a.entered_in_error} />}
              {canEdit && !a.entered_in_error && <EnteredInErrorButton what={a.substance} onClick={() => marking.open(a)} />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && <AddAllergyForm onAdd={onAdd} />}
      {marking.dialog}
    </section>
  );
}

const FIELDS = ['substance', 'reaction'] as const;
const EMPTY: NewAllergy = { substance: '', reaction: '' };

function AddAllergyForm({ onAdd }: { onAdd: (allergy: NewAllergy) => Promise<void> }) {
  const [draft, setDraft] = useState<NewAllergy>(EMPTY);
  const form = useChartForm(FIELDS);
  const set = (key: keyof NewAllergy) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.clear(key);
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const substance = draft.substance.trim();
    void form.submit(
      () => (substance ? null : { field: 'substance', message: 'Enter the substance.' }),
      async () => {
        await onAdd({ substance, reaction: draft.reaction.trim() });
        setDraft(EMPTY);
        return `Added the allergy to ${substance}.`;
      },
    );
  };
  return (
    <form ref={form.formRef} class="sub-form" onSubmit={onSubmit} noValidate aria-labelledby="add-allergy-heading">
      <h3 id="add-allergy-heading">Add allergy</h3>
      <TextField label="Substance" name="substance" value={draft.substance} onValue={set('substance')} error={form.errorFor('substance')} autoComplete="off" maxLength={200} required />
      <TextField label="Reaction" name="reaction" value={draft.reaction} onValue={set('reaction')} error={form.errorFor('reaction')} hint="What happened, if known. For example: hives, anaphylaxis." autoComplete="off" maxLength={1000} />
      <FormFooter generalError={form.generalError} pending={form.pending} label="Add allergy" pendingLabel="Adding…" status={form.status} />
    </form>
  );
}
