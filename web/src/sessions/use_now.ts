// The current time, renewed every `everyMs`, for the console's and the station's timers.
import { useEffect, useState } from 'preact/hooks';

export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
