// Decides when an idle user is warned and signed out. Pure: the clock is injected,
// so the rules are unit-tested without waiting.
//
// The server ends a session idle_timeout_s after the last request it recorded, and
// it records a request's time only when its previous record is at least
// SERVER_TOUCH_INTERVAL_MS old. So the page counts down from the last server
// contact minus that interval: it never promises more time than the server gives.
// Pointer and key input keep the session going: after such activity,
// needsKeepAlive() asks for a GET /auth/me, at most once per KEEP_ALIVE_INTERVAL_MS.
// Once the warning shows, only "Stay signed in" (a server contact) ends it.
// REQUIRES idle timeouts well above 150 s (the server's default is 15 min).

/** How long before sign-out the warning dialog appears. */
export const WARNING_BEFORE_SIGN_OUT_MS = 60_000;
/** Minimum gap between keep-alive calls while the user is active. */
export const KEEP_ALIVE_INTERVAL_MS = 60_000;
/** The server's AuthPolicy.touch_interval_ms: how stale its last-seen time may be. */
export const SERVER_TOUCH_INTERVAL_MS = 30_000;

export type IdleStatus =
  | { kind: 'active' }
  | { kind: 'warning'; seconds_left: number }
  | { kind: 'expired' };

export class IdleTracker {
  private lastActivityMs: number;
  private lastServerContactMs: number;

  /** REQUIRES: idleTimeoutS > 0. nowMs returns wall-clock milliseconds. Starts just after a server contact. */
  constructor(
    private readonly idleTimeoutS: number,
    private readonly nowMs: () => number,
  ) {
    this.lastActivityMs = nowMs();
    this.lastServerContactMs = this.lastActivityMs;
  }

  /** Pointer or key input. */
  recordActivity(): void {
    this.lastActivityMs = this.nowMs();
  }

  /** A successful /auth/me or login: the server has seen this session now. */
  recordServerContact(): void {
    this.lastServerContactMs = this.nowMs();
  }

  status(): IdleStatus {
    const deadlineMs = this.lastServerContactMs - SERVER_TOUCH_INTERVAL_MS + this.idleTimeoutS * 1000;
    const leftMs = deadlineMs - this.nowMs();
    if (leftMs <= 0) return { kind: 'expired' };
    if (leftMs <= WARNING_BEFORE_SIGN_OUT_MS) return { kind: 'warning', seconds_left: Math.ceil(leftMs / 1000) };
    return { kind: 'active' };
  }

  needsKeepAlive(): boolean {
    return (
      this.status().kind === 'active' &&
      this.lastActivityMs > this.lastServerContactMs &&
      this.nowMs() - this.lastServerContactMs >= KEEP_ALIVE_INTERVAL_MS
    );
  }
}
