import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` while `running`: for call and wrap-up timers. */
export const useNow = (intervalMs: number, running = true): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    // A timer that was idle shows a stale time until its first tick: refresh at once.
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [intervalMs, running]);
  return now;
};
