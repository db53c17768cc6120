import { describe, expect, it } from 'vitest';
import { gatherer } from './live_refresh';

function fakeTimers() {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    timers: { set: (fn: () => void, ms: number) => pending.push({ fn, ms }), clear: () => pending.splice(0) },
    fire: () => pending.shift()?.fn(),
  };
}

describe('gathering live events', () => {
  it('reads once for a burst, at most the delay after its first event', () => {
    const clock = fakeTimers();
    const reads: string[][] = [];
    const gather = gatherer<string>((batch) => reads.push(batch), 250, clock.timers);
    gather.push('alarm.raised');
    gather.push('alarm.escalated');
    gather.push('vitals.recorded');
    expect(clock.pending).toHaveLength(1);
    expect(clock.pending[0]?.ms).toBe(250);
    clock.fire();
    expect(reads).toEqual([['alarm.raised', 'alarm.escalated', 'vitals.recorded']]);
  });

  it('is not postponed by a steady stream: the next event starts the next wait', () => {
    const clock = fakeTimers();
    const reads: string[][] = [];
    const gather = gatherer<string>((batch) => reads.push(batch), 500, clock.timers);
    gather.push('a');
    clock.fire();
    gather.push('b');
    gather.push('c');
    clock.fire();
    expect(reads).toEqual([['a'], ['b', 'c']]);
  });

  it('forgets what it gathered when the screen closes', () => {
    const clock = fakeTimers();
    const reads: string[][] = [];
    const gather = gatherer<string>((batch) => reads.push(batch), 250, clock.timers);
    gather.push('a');
    gather.cancel();
    expect(clock.pending).toHaveLength(0);
    expect(reads).toEqual([]);
  });
});
