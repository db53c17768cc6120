// The chart's Consent tab: whether a session may go ahead by each route (the
// server's validity rule), the patient's signed consents with their countersignature,
// withdrawal and version acceptance, and the way to start signing on the tablet.
// Actions are offered by role: hand over the tablet (admin, prescriber, nurse, front
// desk), countersign (prescriber, nurse), withdraw (admin, prescriber, nurse), accept
// an older major version (prescriber). After a change the tab reads everything again.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, ConsentStatus, PatientConsent, PatientConsents, Role } from '../api';
import {
  canAcceptConsentVersion,
  canCountersignConsent,
  canHandOverConsent,
  canWithdrawConsent,
  consentRecordPath,
  consentSigningPath,
} from '../navigation';
import { Link, navigate } from '../router';
import { errorFor, problemFrom, type FormProblem } from '../ui/form_problem';
import { formatDateTime } from '../ui/format';
import { SelectField } from '../ui/SelectField';
import { TextField } from '../ui/TextField';

interface ConsentTabProps {
  api: ApiClient;
  patientId: string;
  roles: readonly Role[];
}

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; data: PatientConsents };

const ROUTE_LABELS: Record<string, string> = {
  iv: 'IV infusion',
  im: 'Intramuscular',
  sc: 'Subcutaneous',
  intranasal_esketamine: 'Intranasal esketamine',
  sublingual: 'Sublingual (at home)',
  oral: 'Oral',
};

export function ConsentTab({ api, patientId, roles }: ConsentTabProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    api
      .getPatientConsents(patientId)
      .then((data) => live && setState({ kind: 'loaded', data }))
      .catch((error: unknown) => live && setState({ kind: 'failed', message: problemFrom(error).message }));
    return () => {
      live = false;
    };
  }, [api, patientId, version]);
  const reload = () => setVersion((v) => v + 1);

  if (state.kind === 'loading') {
    return (
      <p role="status" class="muted">
        Loading consents…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <div role="alert" class="form-error">
        The consents could not be loaded: {state.message}{' '}
        <button type="button" class="link-button" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  const { data } = state;
  return (
    <div class="consent-tab">
      <StatusTable status={data.status} />
      {canHandOverConsent(roles) && <StartSigning data={data} patientId={patientId} />}
      <section aria-labelledby="consents-heading">
        <h2 id="consents-heading">Signed consents</h2>
        {data.consents.length === 0 ? (
          <p class="muted">No consent has been signed yet.</p>
        ) : (
          <ul class="consent-list">
            {data.consents.map((c) => (
              <ConsentItem key={c.id} api={api} consent={c} status={data.status} roles={roles} onChanged={reload} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function StatusTable({ status }: { status: ConsentStatus[] }) {
  return (
    <section aria-labelledby="consent-status-heading">
      <h2 id="consent-status-heading">May a session go ahead?</h2>
      <table class="consent-status">
        <thead>
          <tr>
            <th scope="col">Route</th>
            <th scope="col">Consent</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {status.map((s) => (
            <tr key={s.route} data-route={s.route}>
              <th scope="row">{ROUTE_LABELS[s.route] ?? s.route}</th>
              <td>
                <span class={s.valid ? 'badge badge-ok' : 'badge badge-warn'}>{s.valid ? `Valid (v${s.version ?? ''})` : 'Not valid'}</span>
              </td>
              <td>{s.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function StartSigning({ data, patientId }: { data: PatientConsents; patientId: string }) {
  const [documentId, setDocumentId] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (data.documents.length === 0) {
    return (
      <section aria-labelledby="start-signing-heading">
        <h2 id="start-signing-heading">Sign a consent</h2>
        <p class="muted">The clinic has not published a consent document yet (Consent library).</p>
      </section>
    );
  }
  const start = (event: Event) => {
    event.preventDefault();
    if (!documentId) {
      setError('Choose the consent the patient will sign.');
      return;
    }
    navigate(consentSigningPath(patientId, documentId));
  };
  return (
    <section aria-labelledby="start-signing-heading">
      <h2 id="start-signing-heading">Sign a consent</h2>
      <form onSubmit={start} class="inline-form" noValidate>
        <SelectField
          label="Consent document"
          name="document_id"
          value={documentId}
          onValue={(v) => {
            setDocumentId(v);
            setError(undefined);
          }}
          placeholder="Choose a document"
          choices={data.documents.map((d) => ({ value: d.id, label: `${d.kind_label}: ${d.title} (v${d.version})` }))}
          error={error}
        />
        {data.minor && <p class="hint">The patient is under 18: a guardian signs on the tablet too.</p>}
        <button type="submit">Hand the tablet to the patient</button>
      </form>
    </section>
  );
}

interface ConsentItemProps {
  api: ApiClient;
  consent: PatientConsent;
  status: ConsentStatus[];
  roles: readonly Role[];
  onChanged: () => void;
}

type Pending = null | 'withdraw' | 'accept';

function ConsentItem({ api, consent: c, status, roles, onChanged }: ConsentItemProps) {
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const outdated = status.some((s) => s.route === c.kind && s.code === 'consent_outdated' && s.consent_id === c.id);
  const headingId = `consent-${c.id}`;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
      setPending(null);
      setReason('');
      onChanged();
    } catch (error) {
      setProblem(problemFrom(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="consent-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {c.kind_label}: {c.title} <span class="muted">v{c.version}</span>
      </h3>
      <dl class="facts">
        <dt>Signed</dt>
        <dd>
          {formatDateTime(c.signed_at)} by “{c.typed_name}” (tablet from {c.handed_over_by})
        </dd>
        {c.guardian && (
          <>
            <dt>Guardian</dt>
            <dd>
              {c.guardian.name} ({c.guardian.relationship})
            </dd>
          </>
        )}
        <dt>Countersigned</dt>
        <dd>{c.countersignature ? `${formatDateTime(c.countersignature.at)} by ${c.countersignature.by}` : 'Not yet'}</dd>
        {c.version_acceptance && (
          <>
            <dt>Older version accepted</dt>
            <dd>
              {formatDateTime(c.version_acceptance.at)} by {c.version_acceptance.by}: {c.version_acceptance.reason}
            </dd>
          </>
        )}
        {c.withdrawal && (
          <>
            <dt>Withdrawn</dt>
            <dd>
              {formatDateTime(c.withdrawal.at)} by {c.withdrawal.by}: {c.withdrawal.reason}
            </dd>
          </>
        )}
      </dl>
      <div class="button-row">
        <Link href={consentRecordPath(c.id)}>Printable record</Link>
        {!c.withdrawal && !c.countersignature && canCountersignConsent(roles) && (
          <button type="button" disabled={busy} onClick={() => void run(() => api.countersignConsent(c.id))}>
            Countersign
          </button>
        )}
        {!c.withdrawal && canWithdrawConsent(roles) && pending !== 'withdraw' && (
          <button type="button" class="secondary" onClick={() => setPending('withdraw')}>
            Record withdrawal
          </button>
        )}
        {!c.withdrawal && outdated && canAcceptConsentVersion(roles) && pending !== 'accept' && (
          <button type="button" class="secondary" onClick={() => setPending('accept')}>
            Accept this version
          </button>
        )}
      </div>
      {pending && (
        <form
          class="inline-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => (pending === 'withdraw' ? api.withdrawConsent(c.id, reason) : api.acceptConsentVersion(c.id, reason)));
          }}
        >
          <TextField
            label={pending === 'withdraw' ? 'Reason for withdrawal' : 'Why this older version is acceptable'}
            name="reason"
            value={reason}
            onValue={setReason}
            error={errorFor(problem, 'reason')}
            required
          />
          <button type="submit" disabled={busy}>
            {pending === 'withdraw' ? 'Record withdrawal' : 'Accept version'}
          </button>
          <button type="button" class="link-button" onClick={() => setPending(null)}>
            Cancel
          </button>
        </form>
      )}
      {problem && problem.field !== 'reason' && (
        <p class="form-error" role="alert">
          {problem.message}
        </p>
      )}
    </li>
  );
}
