import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` while `running`: for call and wrap-up timers. */
export const useNow = (intervalMs: number, running = true): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, running]);
  return now;
};
