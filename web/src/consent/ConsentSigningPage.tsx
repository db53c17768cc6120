// The tablet signing screen (/consent-signing/{patientId}/{documentId}). Staff open
// it from the chart's Consent tab and hand the tablet to the patient. It fills the
// screen as a modal dialog, so the rest of the app (navigation included) cannot be
// reached: large type and targets, the document section by section with a box to
// tick under each, the patient's typed full name, a guardian's name and relationship
// for a minor, then "Sign". After signing it asks the patient to hand the tablet back.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient, ConsentDocument, PatientConsents, PatientRecord } from '../api';
import { navigate } from '../router';
import { errorFor, problemFrom, type FormProblem } from '../ui/form_problem';
import { patientChartPath } from '../navigation';
import { EMPTY_SIGNING_FORM, signatureOf, stillToDo, toggleSection, type SigningForm } from './consent_signing';
import { Markdown } from './Markdown';
import { splitSections } from './markdown';

interface ConsentSigningPageProps {
  api: ApiClient;
  patientId: string;
  documentId: string;
}

type Loaded = { document: ConsentDocument; patient: PatientRecord; consents: PatientConsents };
type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; data: Loaded } | { kind: 'signed'; name: string };

const FIELDS = ['typed_name', 'acknowledged_sections', 'guardian_name', 'guardian_relationship'];

export function ConsentSigningPage({ api, patientId, documentId }: ConsentSigningPageProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    Promise.all([api.getConsentForSigning(patientId, documentId), api.getPatient(patientId), api.getPatientConsents(patientId)])
      .then(([document, patient, consents]) => live && setState({ kind: 'ready', data: { document, patient, consents } }))
      .catch((error: unknown) => live && setState({ kind: 'failed', message: problemFrom(error).message }));
    return () => {
      live = false;
    };
  }, [api, patientId, documentId]);

  const backToChart = () => navigate(patientChartPath(patientId));
  return (
    <TabletDialog titleId="consent-signing-title">
      {state.kind === 'loading' && (
        <p role="status" class="tablet-status">
          Loading the consent…
        </p>
      )}
      {state.kind === 'failed' && (
        <div role="alert">
          <h1 id="consent-signing-title">This consent cannot be signed</h1>
          <p>{state.message}</p>
          <button type="button" class="tablet-button" onClick={backToChart}>
            Back to the chart
          </button>
        </div>
      )}
      {state.kind === 'ready' && (
        <SigningForm api={api} patientId={patientId} data={state.data} onSigned={(name) => setState({ kind: 'signed', name })} onCancel={backToChart} />
      )}
      {state.kind === 'signed' && (
        <section class="tablet-done" aria-labelledby="consent-signing-title">
          <h1 id="consent-signing-title">Thank you, {state.name}</h1>
          <p role="status">Your consent is signed. Please hand the tablet back to a member of staff.</p>
          <button type="button" class="tablet-button" onClick={backToChart}>
            Staff: I have the tablet back
          </button>
        </section>
      )}
    </TabletDialog>
  );
}

interface SigningFormProps {
  api: ApiClient;
  patientId: string;
  data: Loaded;
  onSigned: (name: string) => void;
  onCancel: () => void;
}

function SigningForm({ api, patientId, data, onSigned, onCancel }: SigningFormProps) {
  const { document, patient, consents } = data;
  const { intro, sections } = splitSections(document.body_markdown);
  const headings = sections.map((s) => s.heading);
  const minor = consents.minor;
  const [form, setForm] = useState<SigningForm>(EMPTY_SIGNING_FORM);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const todo = stillToDo(form, headings, minor);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (todo.length || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.signConsent(patientId, signatureOf(document.id, form, headings, minor));
      onSigned(form.typedName.trim());
    } catch (error) {
      const p = problemFrom(error);
      setProblem(p);
      setBusy(false);
      requestAnimationFrame(() => {
        const target = p.field && FIELDS.includes(p.field) ? formRef.current?.querySelector<HTMLElement>(`[name="${p.field}"]`) : formRef.current?.querySelector<HTMLElement>('.form-error');
        target?.focus();
      });
    }
  };

  return (
    <form ref={formRef} class="tablet-form" onSubmit={submit} noValidate>
      <p class="tablet-kicker">
        {document.kind_label} · version {document.version}
      </p>
      <h1 id="consent-signing-title">{document.title}</h1>
      <p class="tablet-lead">
        For {patient.given_name} {patient.family_name}. Read each part, tick the box under it, then type your full name and sign.
      </p>
      {intro && <Markdown source={intro} />}
      <ol class="tablet-sections">
        {sections.map((s, i) => {
          const id = `consent-section-${i}`;
          const checked = form.acknowledged.includes(s.heading);
          return (
            <li key={s.heading} class="tablet-section">
              <h2 id={id}>{s.heading}</h2>
              <Markdown source={s.body} headingOffset={2} />
              <label class="tablet-check">
                <input
                  type="checkbox"
                  name={i === 0 ? 'acknowledged_sections' : undefined}
                  checked={checked}
                  aria-describedby={id}
                  onChange={(e) => setForm(toggleSection(form, s.heading, e.currentTarget.checked))}
                />
                <span>I have read and understood “{s.heading}”</span>
              </label>
            </li>
          );
        })}
      </ol>
      {errorFor(problem, 'acknowledged_sections') && (
        <p class="field-error" role="alert">
          {errorFor(problem, 'acknowledged_sections')}
        </p>
      )}
      <TabletField label="Your full name (given name, then family name)" name="typed_name" value={form.typedName} autoComplete="off" onValue={(typedName) => setForm({ ...form, typedName })} error={errorFor(problem, 'typed_name')} />
      {minor && (
        <fieldset class="tablet-guardian">
          <legend>Guardian</legend>
          <p>
            {patient.given_name} is under 18, so a parent or guardian signs too.
            {consents.recorded_guardian && ` The guardian on record is ${consents.recorded_guardian.name} (${consents.recorded_guardian.relationship}).`}
          </p>
          <TabletField label="Guardian's full name" name="guardian_name" value={form.guardianName} autoComplete="off" onValue={(guardianName) => setForm({ ...form, guardianName })} error={errorFor(problem, 'guardian_name')} />
          <TabletField label="Relationship to the patient" name="guardian_relationship" value={form.guardianRelationship} autoComplete="off" onValue={(guardianRelationship) => setForm({ ...form, guardianRelationship })} error={errorFor(problem, 'guardian_relationship')} />
        </fieldset>
      )}
      {problem && !(problem.field && FIELDS.includes(problem.field)) && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {problem.message}
        </p>
      )}
      {todo.length > 0 && (
        <ul class="tablet-todo" aria-label="Still to do">
          {todo.map((t) => (
            <li key={t}>{t}</li>
          ))}
        </ul>
      )}
      <div class="tablet-actions">
        <button type="submit" class="tablet-button primary" disabled={todo.length > 0 || busy}>
          {busy ? 'Signing…' : 'Sign'}
        </button>
        <button type="button" class="link-button" onClick={onCancel}>
          Staff: cancel signing
        </button>
      </div>
    </form>
  );
}

interface TabletFieldProps {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
  autoComplete: string;
}

function TabletField({ label, name, value, onValue, error, autoComplete }: TabletFieldProps) {
  const id = `tablet-${name}`;
  return (
    <div class="field tablet-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        autoComplete={autoComplete}
        onInput={(e) => onValue(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} class="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A full-screen native dialog opened with showModal(): everything else is inert. Escape does nothing. */
function TabletDialog({ titleId, children }: { titleId: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} class="consent-tablet" aria-labelledby={titleId} onCancel={(e) => e.preventDefault()}>
      <div class="consent-tablet-inner">{children}</div>
    </dialog>
  );
}
