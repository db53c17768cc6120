import { describe, expect, it } from 'vitest';
import { IdleTracker } from './idle_timer';

const FIFTEEN_MINUTES_S = 15 * 60;
/** What the page can count on: the server may have recorded the last request 30 s early. */
const SESSION_S = FIFTEEN_MINUTES_S - 30;

function trackerAt(startMs = 1_000_000) {
  const clock = { now: startMs };
  const tracker = new IdleTracker(FIFTEEN_MINUTES_S, () => clock.now);
  const advanceS = (s: number) => {
    clock.now += s * 1000;
  };
  return { tracker, advanceS };
}

describe('IdleTracker', () => {
  it('stays active until 60 s before the server session can end', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(SESSION_S - 61);
    expect(tracker.status()).toEqual({ kind: 'active' });
    advanceS(1);
    expect(tracker.status()).toEqual({ kind: 'warning', seconds_left: 60 });
  });

  it('counts the warning down in whole seconds, rounding up', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(SESSION_S - 10.5);
    expect(tracker.status()).toEqual({ kind: 'warning', seconds_left: 11 });
  });

  it('expires when the server session can end', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(SESSION_S);
    expect(tracker.status()).toEqual({ kind: 'expired' });
  });

  it('asks for a keep-alive after activity, and the keep-alive pushes the deadline back', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(600);
    expect(tracker.needsKeepAlive()).toBe(false);
    tracker.recordActivity();
    expect(tracker.needsKeepAlive()).toBe(true);
    tracker.recordServerContact();
    expect(tracker.needsKeepAlive()).toBe(false);
    advanceS(SESSION_S - 61);
    expect(tracker.status()).toEqual({ kind: 'active' });
  });

  it('activity that never reached the server does not extend the session', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(600);
    tracker.recordActivity();
    advanceS(SESSION_S - 600);
    expect(tracker.status()).toEqual({ kind: 'expired' });
  });

  it('throttles keep-alives to one per minute', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(30);
    tracker.recordActivity();
    expect(tracker.needsKeepAlive()).toBe(false);
    advanceS(30);
    expect(tracker.needsKeepAlive()).toBe(true);
  });

  it('activity during the warning neither dismisses it nor sends a keep-alive', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(SESSION_S - 30);
    tracker.recordActivity();
    expect(tracker.status()).toEqual({ kind: 'warning', seconds_left: 30 });
    expect(tracker.needsKeepAlive()).toBe(false);
  });

  it('"Stay signed in" (a server contact) ends the warning with a full session', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(SESSION_S - 30);
    tracker.recordServerContact();
    expect(tracker.status()).toEqual({ kind: 'active' });
    advanceS(SESSION_S - 61);
    expect(tracker.status()).toEqual({ kind: 'active' });
  });
});
