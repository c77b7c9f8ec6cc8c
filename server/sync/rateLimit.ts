// Failure counting per key in a sliding window (pairing and admin login attempts). In memory:
// a restart forgets, which is acceptable for brute-force damping on a single back office.
import type { Clock } from '@model';

export interface RateLimiter {
  isBlocked(key: string): boolean;
  recordFailure(key: string): void;
}

export function createRateLimiter(options: { max: number; windowMs: number; clock: Clock }): RateLimiter {
  const failures = new Map<string, number[]>();
  const recent = (key: string): number[] => {
    const since = options.clock.now().getTime() - options.windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) failures.delete(key);
    else failures.set(key, kept);
    return kept;
  };
  return {
    isBlocked: (key) => recent(key).length >= options.max,
    recordFailure: (key) => {
      const kept = recent(key);
      kept.push(options.clock.now().getTime());
      failures.set(key, kept);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value as string);
    },
  };
}
