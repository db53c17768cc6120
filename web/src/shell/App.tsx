// The session: restores it at start-up (GET /auth/me), signs in and out, and
// returns to the sign-in page when the server says the session is gone (401) or
// the user was idle too long. Signed out, every path shows /login; after signing
// in, the user lands on the page they first asked for.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type ApiClient, type Session } from '../api';
import { HOME_PATH } from '../navigation';
import { navigate, usePath } from '../router';
import { problemFrom } from '../ui/form_problem';
import { AppShell } from './AppShell';
import { LoginPage } from './LoginPage';

type AuthState =
  | { kind: 'restoring' }
  | { kind: 'signed_out'; notice?: string }
  | { kind: 'signed_in'; session: Session };

const SESSION_ENDED = 'Your session has ended. Please sign in again.';
const IDLE_SIGNED_OUT = 'You were signed out because there was no activity for a while.';

export function App({ api }: { api: ApiClient }) {
  const [auth, setAuth] = useState<AuthState>({ kind: 'restoring' });
  const path = usePath();
  const returnTo = useRef(HOME_PATH as string);

  useEffect(() => {
    api.onUnauthorized = () =>
      setAuth((previous) => (previous.kind === 'signed_in' ? { kind: 'signed_out', notice: SESSION_ENDED } : previous));
    api.me().then(
      (session) => setAuth({ kind: 'signed_in', session }),
      (error: unknown) => {
        const noSession = error instanceof ApiError && error.status === 401;
        setAuth(noSession ? { kind: 'signed_out' } : { kind: 'signed_out', notice: problemFrom(error).message });
      },
    );
  }, [api]);

  useEffect(() => {
    if (auth.kind === 'signed_out' && path !== '/login') {
      if (path !== '/') returnTo.current = path;
      navigate('/login', { replace: true });
    } else if (auth.kind === 'signed_in' && (path === '/login' || path === '/')) {
      navigate(returnTo.current, { replace: true });
    }
  }, [auth.kind, path]);

  const signIn = useCallback(
    async (email: string, password: string) => setAuth({ kind: 'signed_in', session: await api.login(email, password) }),
    [api],
  );
  const signOut = useCallback(
    async (notice?: string) => {
      // Wait for the server before showing the sign-in page, so a quick next sign-in
      // cannot race the logout. The session may already be gone: move on either way.
      await api.logout().catch(() => {});
      returnTo.current = HOME_PATH;
      navigate('/login');
      setAuth(notice ? { kind: 'signed_out', notice } : { kind: 'signed_out' });
    },
    [api],
  );

  if (auth.kind === 'restoring') return <p class="muted restoring">Loading KetaClinic…</p>;
  if (auth.kind === 'signed_out') return <LoginPage onLogin={signIn} notice={auth.notice} />;
  return (
    <AppShell
      api={api}
      session={auth.session}
      path={path}
      onSignOut={() => void signOut()}
      onIdleExpired={() => void signOut(IDLE_SIGNED_OUT)}
    />
  );
}
