// The printable record of a signed consent (/consents/{id}/print): exactly the text
// that was signed (the copy kept with the signature, not the library's current
// version), who signed and when, from which address, the guardian, the
// countersignature, any acceptance of an older version and any withdrawal. The print
// stylesheet hides the app around it, so the browser's "Save as PDF" gives the PDF.
import { useEffect, useState } from 'preact/hooks';
import type { ApiClient, ConsentRecord } from '../api';
import { patientChartPath } from '../navigation';
import { Link } from '../router';
import { problemFrom } from '../ui/form_problem';
import { Markdown } from './Markdown';

type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'loaded'; record: ConsentRecord };

export function ConsentRecordPage({ api, consentId }: { api: ApiClient; consentId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    api
      .getConsentRecord(consentId)
      .then((record) => live && setState({ kind: 'loaded', record }))
      .catch((error: unknown) => live && setState({ kind: 'failed', message: problemFrom(error).message }));
    return () => {
      live = false;
    };
  }, [api, consentId]);
  if (state.kind === 'loading') {
    return (
      <p role="status" class="muted">
        Loading the consent record…
      </p>
    );
  }
  if (state.kind === 'failed') {
    return (
      <section class="panel" role="alert">
        <h1>The consent record could not be loaded</h1>
        <p>{state.message}</p>
      </section>
    );
  }
  const r = state.record;
  return (
    <article class="page consent-record">
      <p class="no-print back-link">
        <Link href={patientChartPath(r.patient_id)}>Back to the chart</Link>{' '}
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </p>
      <p class="consent-record-kind">
        Signed consent record · {r.kind_label} · version {r.version}
      </p>
      <h1>{r.title}</h1>
      <p class="consent-record-patient">
        Patient: <strong>{r.patient.given_name} {r.patient.family_name}</strong>, born {r.patient.date_of_birth}
      </p>
      <section class="consent-record-text" aria-label="The text that was signed">
        <Markdown source={r.body_markdown} headingOffset={1} />
      </section>
      <section class="consent-record-signature" aria-labelledby="signature-heading">
        <h2 id="signature-heading">Signature</h2>
        <dl class="facts">
          <dt>Typed name</dt>
          <dd>{r.typed_name}</dd>
          <dt>Signed at (UTC)</dt>
          <dd>{r.signed_at}</dd>
          <dt>Client address</dt>
          <dd>{r.client_address}</dd>
          <dt>Tablet handed over by</dt>
          <dd>{r.handed_over_by}</dd>
          <dt>Sections acknowledged</dt>
          <dd>{r.acknowledged_sections.join('; ')}</dd>
          {r.guardian && (
            <>
              <dt>Guardian</dt>
              <dd>
                {r.guardian.name} ({r.guardian.relationship}), signed {r.guardian.signed_at}
              </dd>
            </>
          )}
          <dt>Countersigned</dt>
          <dd>{r.countersignature ? `${r.countersignature.by}, ${r.countersignature.at}` : 'Not countersigned'}</dd>
          {r.version_acceptance && (
            <>
              <dt>Older version accepted</dt>
              <dd>
                {r.version_acceptance.by}, {r.version_acceptance.at}: {r.version_acceptance.reason}
              </dd>
            </>
          )}
          <dt>Withdrawal</dt>
          <dd>{r.withdrawal ? `Withdrawn ${r.withdrawal.at} (recorded by ${r.withdrawal.by}): ${r.withdrawal.reason}` : 'Not withdrawn'}</dd>
          <dt>SHA-256 of the signed text</dt>
          <dd>
            <code>{r.content_sha256}</code>
          </dd>
        </dl>
      </section>
    </article>
  );
}
