// Decides when an idle user is warned and signed out. Pure: the clock is injected,
// so the rules are unit-tested without waiting.
//
// The server ends a session idle_timeout_s after its last request, whatever the
// user does in the page. So the tracker also keeps the server session alive:
// when the user was active after the last server contact, needsKeepAlive() asks
// for a GET /auth/me (at most once per KEEP_ALIVE_INTERVAL_MS). That way the
// server's deadline never comes before the page's.

/** How long before sign-out the warning dialog appears (the brief: 60 s). */
export const WARNING_BEFORE_SIGN_OUT_MS = 60_000;
/** Minimum gap between keep-alive calls while the user is active. */
export const KEEP_ALIVE_INTERVAL_MS = 60_000;

export type IdleStatus =
  | { kind: 'active' }
  | { kind: 'warning'; seconds_left: number }
  | { kind: 'expired' };

export class IdleTracker {
  private lastActivityMs: number;
  private lastServerContactMs: number;

  /** REQUIRES: idleTimeoutS > 0. nowMs returns wall-clock milliseconds. */
  constructor(
    private readonly idleTimeoutS: number,
    private readonly nowMs: () => number,
  ) {
    this.lastActivityMs = nowMs();
    this.lastServerContactMs = this.lastActivityMs;
  }

  /** Pointer or key input. Ignored once the warning shows: only "Stay signed in" counts then. */
  recordActivity(): void {
    if (this.status().kind === 'active') this.lastActivityMs = this.nowMs();
  }

  /** A successful /auth/me or login: the server session is fresh, and so is the user. */
  recordServerContact(): void {
    this.lastServerContactMs = this.nowMs();
    this.lastActivityMs = Math.max(this.lastActivityMs, this.lastServerContactMs);
  }

  status(): IdleStatus {
    const leftMs = this.lastActivityMs + this.idleTimeoutS * 1000 - this.nowMs();
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
