import { describe, expect, it } from 'vitest';
import { IdleTracker } from './idle_timer';

const FIFTEEN_MINUTES_S = 15 * 60;

function trackerAt(startMs = 1_000_000) {
  const clock = { now: startMs };
  const tracker = new IdleTracker(FIFTEEN_MINUTES_S, () => clock.now);
  const advanceS = (s: number) => {
    clock.now += s * 1000;
  };
  return { tracker, advanceS };
}

describe('IdleTracker', () => {
  it('stays active until 60 s before the idle timeout', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(FIFTEEN_MINUTES_S - 61);
    expect(tracker.status()).toEqual({ kind: 'active' });
    advanceS(1);
    expect(tracker.status()).toEqual({ kind: 'warning', seconds_left: 60 });
  });

  it('counts the warning down in whole seconds, rounding up', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(FIFTEEN_MINUTES_S - 10.5);
    expect(tracker.status()).toEqual({ kind: 'warning', seconds_left: 11 });
  });

  it('expires at the idle timeout', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(FIFTEEN_MINUTES_S);
    expect(tracker.status()).toEqual({ kind: 'expired' });
  });

  it('activity before the warning pushes the deadline back', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(600);
    tracker.recordActivity();
    advanceS(FIFTEEN_MINUTES_S - 61);
    expect(tracker.status()).toEqual({ kind: 'active' });
  });

  it('activity during the warning does not dismiss it', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(FIFTEEN_MINUTES_S - 30);
    tracker.recordActivity();
    expect(tracker.status()).toEqual({ kind: 'warning', seconds_left: 30 });
  });

  it('a server contact ("Stay signed in") restarts the full timeout', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(FIFTEEN_MINUTES_S - 30);
    tracker.recordServerContact();
    expect(tracker.status()).toEqual({ kind: 'active' });
    advanceS(FIFTEEN_MINUTES_S - 61);
    expect(tracker.status()).toEqual({ kind: 'active' });
  });

  it('asks for a keep-alive only after activity newer than the last server contact', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(120);
    expect(tracker.needsKeepAlive()).toBe(false);
    tracker.recordActivity();
    expect(tracker.needsKeepAlive()).toBe(true);
    tracker.recordServerContact();
    expect(tracker.needsKeepAlive()).toBe(false);
  });

  it('throttles keep-alives to one per minute', () => {
    const { tracker, advanceS } = trackerAt();
    advanceS(30);
    tracker.recordActivity();
    expect(tracker.needsKeepAlive()).toBe(false);
    advanceS(30);
    expect(tracker.needsKeepAlive()).toBe(true);
  });
});
