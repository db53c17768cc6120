// The consent library (/consents): the clinic's consent documents by kind, each
// with its versions (draft, published, retired). Everyone who works with patients
// reads them; admins and prescribers also write a new version (a minor or major
// revision of the published one), edit a draft with a live preview, and publish it.
// Publishing is refused until the text has "## " sections for nature, risks,
// benefits and alternatives; the editor says early which are missing.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, ConsentDocument, ConsentDocumentSummary, ConsentKind, ConsentLibrary } from '../api';
import { errorFor, formError, problemFrom, type FormProblem } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { SelectField } from '../ui/SelectField';
import { TextArea } from '../ui/TextArea';
import { TextField } from '../ui/TextField';
import { useFocusProblem } from '../ui/use_focus_problem';
import { Markdown } from './Markdown';
import { missingSections } from './markdown';

interface ConsentLibraryPageProps {
  api: ApiClient;
  canAuthor: boolean;
}

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; library: ConsentLibrary };

const TEMPLATE = `Introduction for the patient.

## Nature of the treatment

## Risks and side effects

## Benefits

## Alternatives
`;

export function ConsentLibraryPage({ api, canAuthor }: ConsentLibraryPageProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<ConsentDocument | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    let live = true;
    api
      .listConsentDocuments()
      .then((library) => live && setState({ kind: 'loaded', library }))
      .catch((error: unknown) => live && setState({ kind: 'failed', message: problemFrom(error).message }));
    return () => {
      live = false;
    };
  }, [api, version]);
  const reload = () => setVersion((v) => v + 1);
  const openDocument = async (id: string) => {
    try {
      setOpen(await api.getConsentDocument(id));
    } catch (error) {
      setNotice(problemFrom(error).message);
    }
  };

  return (
    <div class="page consent-library">
      <h1>Consent library</h1>
      <p class="muted">
        One document per route or program, and one for research use of data. A published version never changes; a new version is a minor
        revision (consents signed on the same major version stay valid) or a major one (patients sign again, or a prescriber accepts their
        older consent).
      </p>
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      {state.kind === 'loading' && (
        <p role="status" class="muted">
          Loading the library…
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="alert" class="form-error">
          The library could not be loaded: {state.message}
        </p>
      )}
      {state.kind === 'loaded' && (
        <div class="page-columns">
          <div>
            {canAuthor && (
              <p>
                <button type="button" onClick={() => setOpen('new')}>
                  New document or version
                </button>
              </p>
            )}
            <KindList library={state.library} onOpen={(id) => void openDocument(id)} />
          </div>
          <div>
            {open === 'new' && (
              <NewDraftForm
                api={api}
                library={state.library}
                onCreated={(d) => {
                  setOpen(d);
                  setNotice(`Draft ${d.version} of ${d.kind_label} created.`);
                  reload();
                }}
                onCancel={() => setOpen(null)}
              />
            )}
            {open && open !== 'new' && (
              <DocumentPanel
                key={open.id}
                api={api}
                document={open}
                canAuthor={canAuthor}
                onChanged={(d, message) => {
                  setOpen(d);
                  setNotice(message);
                  reload();
                }}
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}

function KindList({ library, onOpen }: { library: ConsentLibrary; onOpen: (id: string) => void }) {
  return (
    <>
      {library.kinds.map(({ kind, label }) => {
        const versions = library.items.filter((d) => d.kind === kind);
        return (
          <section key={kind} class="panel consent-kind" aria-labelledby={`kind-${kind}`}>
            <h2 id={`kind-${kind}`}>{label}</h2>
            {versions.length === 0 ? (
              <p class="muted">No document yet.</p>
            ) : (
              <ul class="plain-list">
                {versions.map((d) => (
                  <li key={d.id}>
                    <button type="button" class="link-button" onClick={() => onOpen(d.id)}>
                      Version {d.version}: {d.title}
                    </button>{' '}
                    <StatusBadge document={d} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function StatusBadge({ document: d }: { document: ConsentDocumentSummary }) {
  const cls = d.status === 'published' ? 'badge badge-ok' : d.status === 'draft' ? 'badge badge-warn' : 'badge muted';
  const label = d.status === 'published' ? 'Published' : d.status === 'draft' ? 'Draft' : 'Retired';
  return <span class={cls}>{label}</span>;
}

interface NewDraftFormProps {
  api: ApiClient;
  library: ConsentLibrary;
  onCreated: (d: ConsentDocument) => void;
  onCancel: () => void;
}

function NewDraftForm({ api, library, onCreated, onCancel }: NewDraftFormProps) {
  const [kind, setKind] = useState('');
  const [revision, setRevision] = useState<'minor' | 'major'>('minor');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const { formRef, show } = useFocusProblem(() => problem?.field);
  const published = library.items.find((d) => d.kind === kind && d.status === 'published');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!kind) {
      setProblem({ field: 'kind', message: 'Choose what the document is for.' });
      show();
      return;
    }
    try {
      // A new version starts from the published text; a first document from a template.
      const base = published ? await api.getConsentDocument(published.id) : null;
      const title = base?.title ?? `Consent: ${library.kinds.find((k) => k.kind === kind)?.label ?? kind}`;
      onCreated(await api.createConsentDraft({ kind: kind as ConsentKind, title, body_markdown: base?.body_markdown ?? TEMPLATE, revision }));
    } catch (error) {
      setProblem(problemFrom(error));
      show();
    }
  };
  return (
    <form ref={formRef} class="panel" onSubmit={submit} noValidate aria-labelledby="new-draft-heading">
      <h2 id="new-draft-heading">New document or version</h2>
      <SelectField label="For" name="kind" value={kind} onValue={setKind} placeholder="Choose" choices={library.kinds.map((k) => ({ value: k.kind, label: k.label }))} error={errorFor(problem, 'kind')} />
      {published && (
        <SelectField
          label={`Revision of the published version ${published.version}`}
          name="revision"
          value={revision}
          onValue={(v) => setRevision(v === 'major' ? 'major' : 'minor')}
          choices={[
            { value: 'minor', label: 'Minor: wording; signed consents stay valid' },
            { value: 'major', label: 'Major: content; patients sign again' },
          ]}
          error={errorFor(problem, 'revision')}
        />
      )}
      {formError(problem, ['kind', 'revision']) && (
        <p class="form-error" role="alert" tabIndex={-1}>
          {formError(problem, ['kind', 'revision'])}
        </p>
      )}
      <div class="button-row">
        <button type="submit">Create draft</button>
        <button type="button" class="link-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface DocumentPanelProps {
  api: ApiClient;
  document: ConsentDocument;
  canAuthor: boolean;
  onChanged: (d: ConsentDocument, message: string) => void;
}

function DocumentPanel({ api, document: d, canAuthor, onChanged }: DocumentPanelProps) {
  const editable = canAuthor && d.status === 'draft';
  const [title, setTitle] = useState(d.title);
  const [body, setBody] = useState(d.body_markdown);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, show } = useFocusProblem(() => problem?.field);
  const missing = missingSections(body);
  const act = async (publish: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await api.editConsentDraft(d.id, title, body);
      if (!publish) {
        onChanged(saved, `Draft ${saved.version} saved.`);
        return;
      }
      const p = await api.publishConsentDocument(d.id);
      onChanged(p, `Version ${p.version} of ${p.kind_label} is published.`);
    } catch (error) {
      setProblem(problemFrom(error));
      show();
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="document-heading">
      <h2 id="document-heading">
        {d.kind_label}, version {d.version} <StatusBadge document={d} />
      </h2>
      <p class="muted">
        {d.published_at ? `Published ${formatDateTime(d.published_at)} by ${d.published_by ?? ''}.` : `Created ${formatDateTime(d.created_at)} by ${d.created_by}.`}{' '}
        SHA-256 <code>{d.content_sha256.slice(0, 16)}…</code>
      </p>
      {editable ? (
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act(true);
          }}
        >
          <TextField label="Title" name="title" value={title} onValue={setTitle} error={errorFor(problem, 'title')} required />
          <div class="consent-editor">
            <TextArea
              label="Text (Markdown)"
              name="body_markdown"
              value={body}
              onValue={setBody}
              rows={18}
              hint='Sections start with "## ". Required: nature, risks, benefits, alternatives. Also: # headings, - lists, 1. lists, **bold**, *italic*.'
              error={errorFor(problem, 'body_markdown')}
            />
            <div class="consent-preview" aria-label="Preview">
              <h3>Preview</h3>
              <Markdown source={body} headingOffset={2} />
            </div>
          </div>
          <p class={missing.length ? 'hint warn' : 'hint'} aria-live="polite">
            {missing.length ? `Still missing before publishing: ${missing.join(', ')}.` : 'All four required sections are there.'}
          </p>
          {formError(problem, ['title', 'body_markdown']) && (
            <p class="form-error" role="alert" tabIndex={-1}>
              {formError(problem, ['title', 'body_markdown'])}
            </p>
          )}
          <div class="button-row">
            <button type="button" class="secondary" disabled={busy} onClick={() => void act(false)}>
              Save draft
            </button>
            <button type="submit" disabled={busy}>
              Publish
            </button>
          </div>
        </form>
      ) : (
        <article class="consent-text">
          <h3>{d.title}</h3>
          <Markdown source={d.body_markdown} headingOffset={2} />
        </article>
      )}
    </section>
  );
}
