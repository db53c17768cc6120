// Wires IdleTracker to the page: pointer and key input count as activity, a
// one-second tick updates the status, keeps the server session alive while the
// user works, and calls onExpired once when the idle timeout is reached.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { IdleTracker, type IdleStatus } from '../idle_timer';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const;
const TICK_MS = 1000;

function sameStatus(a: IdleStatus, b: IdleStatus): boolean {
  return a.kind === b.kind && (a.kind !== 'warning' || b.kind !== 'warning' || a.seconds_left === b.seconds_left);
}

export function useIdleSignOut(api: ApiClient, idleTimeoutS: number, onExpired: () => void) {
  const tracker = useMemo(() => new IdleTracker(idleTimeoutS, Date.now), [idleTimeoutS]);
  const [status, setStatus] = useState<IdleStatus>({ kind: 'active' });
  const keepAliveInFlight = useRef(false);
  const onExpiredRef = useRef(onExpired);
  onExpiredRef.current = onExpired;

  useEffect(() => {
    const recordActivity = () => tracker.recordActivity();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, recordActivity, { capture: true, passive: true });
    const timer = setInterval(() => {
      const next = tracker.status();
      setStatus((previous) => (sameStatus(previous, next) ? previous : next));
      if (next.kind === 'expired') {
        clearInterval(timer);
        onExpiredRef.current();
      } else if (tracker.needsKeepAlive() && !keepAliveInFlight.current) {
        keepAliveInFlight.current = true;
        api
          .me()
          .then(() => tracker.recordServerContact())
          .catch(() => {}) // A 401 signs the user out through ApiClient.onUnauthorized.
          .finally(() => (keepAliveInFlight.current = false));
      }
    }, TICK_MS);
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, recordActivity, { capture: true });
    };
  }, [api, tracker]);

  /** "Stay signed in": GET /auth/me refreshes the server session. Throws ApiError. */
  const staySignedIn = useCallback(async () => {
    await api.me();
    tracker.recordServerContact();
    setStatus(tracker.status());
  }, [api, tracker]);

  return { status, staySignedIn };
}
