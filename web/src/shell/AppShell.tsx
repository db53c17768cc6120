// The signed-in layout: header, navigation, the routed page inside an error
// boundary, the idle sign-out warning, and the live connection (while signed in).
import { useEffect, useRef } from 'preact/hooks';
import type { ApiClient, Session } from '../api';
import { pageTitle } from '../navigation';
import { AppHeader } from './AppHeader';
import { ErrorBoundary } from './ErrorBoundary';
import { IdleWarningDialog } from './IdleWarningDialog';
import { MainNav } from './MainNav';
import { RoutedPage } from './RoutedPage';
import { useIdleSignOut } from './use_idle_sign_out';
import { startLive, stopLive } from '../live/live_client';

interface AppShellProps {
  api: ApiClient;
  session: Session;
  path: string;
  onSignOut: () => void;
  onIdleExpired: () => void;
}

export function AppShell({ api, session, path, onSignOut, onIdleExpired }: AppShellProps) {
  const idle = useIdleSignOut(api, session.idle_timeout_s, onIdleExpired);
  useFocusMainOnNavigation(path);
  useEffect(() => {
    startLive();
    return stopLive;
  }, [session]);
  const { user } = session;
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to main content
      </a>
      <AppHeader user={user} onSignOut={onSignOut} />
      <MainNav roles={user.roles} path={path} api={api} />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary key={path}>
          <RoutedPage path={path} roles={user.roles} clinicId={user.clinic.id} api={api} />
        </ErrorBoundary>
      </main>
      {idle.status.kind === 'warning' && (
        <IdleWarningDialog secondsLeft={idle.status.seconds_left} onStaySignedIn={idle.staySignedIn} />
      )}
    </>
  );
}

/** Sets the tab title and, after an in-app navigation, moves focus to the new page. */
function useFocusMainOnNavigation(path: string) {
  const firstRender = useRef(true);
  useEffect(() => {
    document.title = pageTitle(path);
    if (firstRender.current) firstRender.current = false;
    else document.getElementById('main')?.focus();
  }, [path]);
}
