// "Join a waiting list" on the public request page, for clinics with programs: a
// second form with the same care as the request form (labels, fieldsets, each
// problem next to its field, focus on the first, a honeypot), then a calm
// confirmation with focus on it. Keeps nothing in storage.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsultationReceipt, PublicClinic, PublicWaitingProgram, WaitingListJoin } from '../api';
import { ChoiceGroup } from '../ui/ChoiceGroup';
import { useFocusProblem } from '../ui/use_focus_problem';
import { PersonFields } from './PersonFields';
import { EMPTY_PERSON, JOIN_FIELDS, checkJoin, errorsAfterChange, firstErrorField, joinFrom, submitProblem, trimmedPerson, type PersonDraft, type PersonErrors } from './waiting_form';

/** Where the page's "Join a waiting list" link points. */
export const JOIN_SECTION_ID = 'join-waiting-list';

interface JoinWaitingListProps {
  clinic: PublicClinic;
  /** Sends the request; throws ApiError (400 with a field, 404, 429). */
  onJoin: (programId: string, join: WaitingListJoin) => Promise<ConsultationReceipt>;
}

export function JoinWaitingList({ clinic, onJoin }: JoinWaitingListProps) {
  const programs = clinic.programs ?? [];
  const [received, setReceived] = useState<string | null>(null);
  if (programs.length === 0) return null;
  if (received !== null) return <JoinReceived message={received} />;
  return <JoinForm clinicName={clinic.name} programs={programs} onJoin={onJoin} onReceived={(r) => setReceived(r.message)} />;
}

interface JoinFormProps {
  clinicName: string;
  programs: readonly PublicWaitingProgram[];
  onJoin: JoinWaitingListProps['onJoin'];
  onReceived: (receipt: ConsultationReceipt) => void;
}

function JoinForm({ clinicName, programs, onJoin, onReceived }: JoinFormProps) {
  const only = programs.length === 1 ? programs[0] : undefined;
  const [programId, setProgramId] = useState(only?.id ?? '');
  const [draft, setDraft] = useState<PersonDraft>(EMPTY_PERSON);
  const [consent, setConsent] = useState(false);
  const [website, setWebsite] = useState('');
  const [errors, setErrors] = useState<PersonErrors>({});
  const [general, setGeneral] = useState('');
  const [pending, setPending] = useState(false);
  const focus = useFocusProblem(() => firstErrorField(errors));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const trimmed = trimmedPerson(draft);
    const found = checkJoin(trimmed, programId, consent);
    setErrors(found);
    setGeneral('');
    if (firstErrorField(found)) return focus.show();
    setPending(true);
    try {
      onReceived(await onJoin(programId, joinFrom(trimmed, consent, website)));
    } catch (e) {
      const problem = submitProblem(e, JOIN_FIELDS);
      setErrors(problem.errors);
      setGeneral(problem.general);
      setPending(false);
      focus.show();
    }
  };

  return (
    <form ref={focus.formRef} id={JOIN_SECTION_ID} tabIndex={-1} class="panel request-form join-form" onSubmit={onSubmit} noValidate aria-labelledby="join-heading">
      <h2 id="join-heading">Join a waiting list</h2>
      <p>When the clinic has no place for you yet, you can wait for one. When a place is free we offer it to you, and the offer stays open for a limited time.</p>
      {only ? (
        <p class="join-program">
          Waiting list: <strong>{only.name}</strong>
        </p>
      ) : (
        <ChoiceGroup
          legend="Which waiting list would you like to join?"
          name="program_id"
          type="radio"
          choices={programs.map((p) => ({ value: p.id, label: p.name }))}
          selected={programId ? [programId] : []}
          onSelected={([chosen]) => {
            setProgramId(chosen ?? '');
            setErrors((e) => errorsAfterChange(e, ['program_id']));
          }}
          error={errors.program_id}
          required
        />
      )}
      <PersonFields
        draft={draft}
        onChange={(change, fields) => {
          setDraft((d) => ({ ...d, ...change }));
          setErrors((e) => errorsAfterChange(e, fields));
        }}
        errors={errors}
        audience="visitor"
      />
      <div class="field">
        <label class="checkbox">
          <input
            type="checkbox"
            name="consent_to_contact"
            checked={consent}
            onChange={(e) => {
              setConsent(e.currentTarget.checked);
              setErrors((errs) => errorsAfterChange(errs, ['consent_to_contact']));
            }}
            required
            aria-invalid={errors.consent_to_contact ? 'true' : undefined}
            aria-describedby={errors.consent_to_contact ? 'join-consent-error' : undefined}
          />
          I agree that {clinicName} may contact me about a place on this waiting list.
        </label>
        {errors.consent_to_contact && (
          <p id="join-consent-error" class="field-error" role="alert">
            {errors.consent_to_contact}
          </p>
        )}
      </div>
      <div class="honeypot" aria-hidden="true">
        <label for="join-website">Website</label>
        <input id="join-website" name="website" type="text" value={website} onInput={(e) => setWebsite(e.currentTarget.value)} tabIndex={-1} autoComplete="off" aria-hidden="true" />
      </div>
      {general && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {general}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? 'Sending…' : 'Join the waiting list'}
      </button>
    </form>
  );
}

function JoinReceived({ message }: { message: string }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} id={JOIN_SECTION_ID} class="panel confirmation" tabIndex={-1} aria-labelledby="join-received-heading">
      <h2 id="join-received-heading">Waiting list request sent</h2>
      <p>{message}</p>
    </section>
  );
}

/** The link near the top of the public page that jumps to the join form. */
export function JoinWaitingListLink({ clinic }: { clinic: PublicClinic }) {
  if ((clinic.programs ?? []).length === 0) return null;
  return (
    <p class="join-link">
      Waiting for a place in a program? <a href={`#${JOIN_SECTION_ID}`}>Join a waiting list</a>
    </p>
  );
}
