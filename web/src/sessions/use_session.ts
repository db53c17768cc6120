// The console's data: the SessionView and its readings, read on opening, again when
// the live connection reports a change to this session (gathered for 250 ms), on a
// resync or reconnection, and every 30 s as a fallback. Every change the console posts
// answers the new SessionView, which replaces the one shown at once. Only the newest
// request may update the screen, so a slow read never puts back an older state.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient, type SessionView, type VitalsReading } from '../api';
import { problemFrom } from '../ui/form_problem';
import { useLiveRefresh } from './live_refresh';

export type ConsoleState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string; notFound: boolean }
  | { kind: 'loaded'; session: SessionView; vitals: VitalsReading[]; refreshError: string };

export const LIVE_DELAY_MS = 250;
export const POLL_MS = 30_000;

export function useSession(api: ApiClient, sessionId: string) {
  const [state, setState] = useState<ConsoleState>({ kind: 'loading' });
  const latest = useRef(0);

  const read = (withVitals: boolean) => {
    const request = ++latest.current;
    Promise.all([api.getSession(sessionId), withVitals ? api.listVitals(sessionId) : null]).then(
      ([session, vitals]) => {
        if (request !== latest.current) return;
        setState((s) => ({ kind: 'loaded', session, vitals: vitals ?? (s.kind === 'loaded' ? s.vitals : []), refreshError: '' }));
      },
      (e: unknown) => {
        if (request !== latest.current) return;
        const message = problemFrom(e).message;
        setState((s) =>
          s.kind === 'loaded' ? { ...s, refreshError: message } : { kind: 'failed', message, notFound: e instanceof ApiError && e.status === 404 },
        );
      },
    );
  };

  useEffect(() => {
    setState({ kind: 'loading' });
    read(true);
    return () => {
      latest.current++;
    };
  }, [api, sessionId]);

  useLiveRefresh({
    prefixes: ['session.', 'vitals.', 'alarm.'],
    accept: (m) => m.data?.['session_id'] === sessionId,
    refresh: (batch) => read(batch.some((m) => m === null || m.type.startsWith('vitals.'))),
    delayMs: LIVE_DELAY_MS,
    pollMs: POLL_MS,
  });

  return {
    state,
    /** Shows the SessionView a change answered (newer than any read under way). */
    apply: (session: SessionView) => {
      latest.current++;
      setState((s) => (s.kind === 'loaded' ? { ...s, session, refreshError: '' } : { kind: 'loaded', session, vitals: [], refreshError: '' }));
    },
    reload: () => read(true),
  };
}
