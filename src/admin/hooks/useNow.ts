// The current time, refreshed every `periodMs` (countdowns); the clock is injectable for tests.
import { useEffect, useState } from 'react';

const systemClock = () => Date.now();

export function useNow(periodMs = 1000, clock: () => number = systemClock): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), periodMs);
    return () => clearInterval(timer);
  }, [periodMs, clock]);
  return now;
}
