// The number of open risk tasks the user can see, for the Inbox link. It is read
// again on every navigation, when the live connection says a task changed, every 60
// seconds, and whenever a page says the tasks changed (an acknowledgement). A failed
// read leaves the link without a number.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api';
import { onLiveChange } from '../live/live_client';
import { openTaskCount } from './task_rules';

/** How often the count is read again while the app is open. */
export const TASK_COUNT_REFRESH_MS = 60_000;

const listeners = new Set<() => void>();

/** Tells the Inbox link to read the count again (after an acknowledgement). */
export function notifyTasksChanged(): void {
  for (const listener of listeners) listener();
}

/** The count, or null before the first read, after a failure, or when `enabled` is false. */
export function useOpenTaskCount(api: ApiClient, enabled: boolean, path: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (!enabled) return setCount(null);
    const read = () => {
      const request = ++latest.current;
      api.listTasks('open').then(
        (tasks) => request === latest.current && setCount(openTaskCount(tasks)),
        () => request === latest.current && setCount(null),
      );
    };
    read();
    const timer = setInterval(read, TASK_COUNT_REFRESH_MS);
    listeners.add(read);
    const stopListening = onLiveChange(['task.'], read);
    return () => {
      clearInterval(timer);
      listeners.delete(read);
      stopListening();
    };
  }, [api, enabled, path]);

  return count;
}
