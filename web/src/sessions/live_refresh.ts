// Reading a screen again when the live connection says something changed. Events come
// in bursts (a gateway posts every second; one alarm brings raised and escalated), so
// they are gathered: the first starts a short wait, the ones during it join the same
// read. Unlike a debounce, a steady stream cannot postpone the read forever: it
// happens at most `delayMs` after the first event. A resync, a reconnection and a
// slow poll read again too, so a missed event never hides an alarm for long.
import { useEffect, useRef } from 'preact/hooks';
import { onLiveChange, type LiveMessage } from '../live/live_client';

export interface Timers {
  set: (fn: () => void, ms: number) => unknown;
  clear: (timer: unknown) => void;
}

const browserTimers: Timers = { set: (fn, ms) => setTimeout(fn, ms), clear: (t) => clearTimeout(t as ReturnType<typeof setTimeout>) };

/** Gathers what `push` is given and calls `fire` with it `delayMs` after the first push. */
export function gatherer<T>(fire: (batch: T[]) => void, delayMs: number, timers: Timers = browserTimers) {
  let batch: T[] = [];
  let timer: unknown = null;
  return {
    push(item: T) {
      batch.push(item);
      if (timer !== null) return;
      timer = timers.set(() => {
        timer = null;
        const gathered = batch;
        batch = [];
        fire(gathered);
      }, delayMs);
    },
    cancel() {
      if (timer !== null) timers.clear(timer);
      timer = null;
      batch = [];
    },
  };
}

interface LiveRefreshOptions {
  /** Event type prefixes, e.g. ['session.', 'vitals.', 'alarm.']. */
  prefixes: readonly string[];
  /** Whether an event concerns this screen (e.g. its session); resync and reconnection always do. */
  accept: (message: LiveMessage) => boolean;
  /** Called with the gathered events; `null` stands for a resync, reconnection or poll. */
  refresh: (batch: (LiveMessage | null)[]) => void;
  delayMs: number;
  pollMs: number;
}

export function useLiveRefresh({ prefixes, accept, refresh, delayMs, pollMs }: LiveRefreshOptions): void {
  const latest = useRef({ accept, refresh });
  latest.current = { accept, refresh };
  const key = prefixes.join(' ');
  useEffect(() => {
    const gather = gatherer<LiveMessage | null>((batch) => latest.current.refresh(batch), delayMs);
    const stop = onLiveChange([...prefixes, 'live.'], (m) => {
      if (m.type === 'resync' || m.type === 'live.reconnected') gather.push(null);
      else if (!m.type.startsWith('live.') && latest.current.accept(m)) gather.push(m);
    });
    const poll = setInterval(() => gather.push(null), pollMs);
    return () => {
      stop();
      clearInterval(poll);
      gather.cancel();
    };
    // `key` stands for the prefixes (a new array on each render).
  }, [key, delayMs, pollMs]);
}
