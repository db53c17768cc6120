// The public consultation request page (/request/{clinic_id}): no sign-in, so it
// never calls /auth/me. Loads the clinic's name and choices, shows the form, then
// a calm confirmation with focus on it. A clinic with programs also offers "Join a
// waiting list" below (waiting/JoinWaitingList.tsx).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient, type ConsultationReceipt, type PublicClinic } from '../api';
import { problemFrom } from '../ui/form_problem';
import { ConsultationRequestForm } from './ConsultationRequestForm';
import { JoinWaitingList, JoinWaitingListLink } from '../waiting/JoinWaitingList';

type PageState =
  | { kind: 'loading' }
  | { kind: 'not_found' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; clinic: PublicClinic }
  | { kind: 'received'; clinic: PublicClinic; message: string };

interface ConsultationRequestPageProps {
  api: ApiClient;
  clinicId: string;
}

export function ConsultationRequestPage({ api, clinicId }: ConsultationRequestPageProps) {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    document.title = 'Request a consultation';
    api.getPublicClinic(clinicId).then(
      (clinic) => {
        document.title = `Request a consultation · ${clinic.name}`;
        setState({ kind: 'ready', clinic });
      },
      (error: unknown) =>
        setState(error instanceof ApiError && error.status === 404 ? { kind: 'not_found' } : { kind: 'failed', message: problemFrom(error).message }),
    );
  }, [api, clinicId, attempt]);

  const clinic = state.kind === 'ready' || state.kind === 'received' ? state.clinic : undefined;
  return (
    <div class="public-page">
      <header class="public-header">
        <p class="clinic-name">{clinic?.name ?? 'KetaClinic'}</p>
      </header>
      <main id="main">
        {state.kind === 'loading' && (
          <p role="status" class="muted">
            Loading…
          </p>
        )}
        {state.kind === 'not_found' && (
          <section class="panel" role="alert">
            <h1>This clinic's request page was not found.</h1>
            <p>Check the link you were given, or contact the clinic directly.</p>
          </section>
        )}
        {state.kind === 'failed' && (
          <section class="panel" role="alert">
            <h1>This page could not be loaded</h1>
            <p>{state.message}</p>
            <button type="button" onClick={() => { setState({ kind: 'loading' }); setAttempt((n) => n + 1); }}>
              Try again
            </button>
          </section>
        )}
        {state.kind === 'ready' && <JoinWaitingListLink clinic={state.clinic} />}
        {state.kind === 'ready' && (
          <ConsultationRequestForm
            clinic={state.clinic}
            onSubmit={(request) => api.submitConsultationRequest(clinicId, request)}
            onReceived={(receipt: ConsultationReceipt) => setState({ kind: 'received', clinic: state.clinic, message: receipt.message })}
          />
        )}
        {state.kind === 'received' && <RequestReceived message={state.message} />}
        {clinic && <JoinWaitingList clinic={clinic} onJoin={(programId, join) => api.joinWaitingList(clinicId, programId, join)} />}
      </main>
    </div>
  );
}

function RequestReceived({ message }: { message: string }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section ref={ref} class="panel confirmation" tabIndex={-1} aria-labelledby="received-heading">
      <h1 id="received-heading">Request sent</h1>
      <p>{message}</p>
      <p class="muted">You can close this page now.</p>
    </section>
  );
}
