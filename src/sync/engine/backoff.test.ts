import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffDelay, parseRetryAfter, retryDelay } from './backoff';

describe('backoff', () => {
  it('stays within [cap/2, cap] and never exceeds the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, () => r, { baseMs: 1000, maxMs: 60_000 });
        const cap = Math.min(60_000, 1000 * 2 ** Math.min(attempt, 30));
        return d >= cap / 2 && d <= cap && d <= 60_000;
      }),
    );
  });

  it('grows with the attempt until the cap', () => {
    const mid = () => 0.5;
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, mid))).toEqual([750, 1500, 3000, 6000]);
    expect(backoffDelay(50, mid)).toBe(225_000);
  });

  it('honours a longer Retry-After in seconds or as a date', () => {
    const now = new Date('2026-03-01T10:00:00.000Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(retryDelay(0, () => 0, 7000)).toBe(7000);
    expect(retryDelay(0, () => 0, 10)).toBe(500);
  });
});
