import { describe, expect, it } from 'vitest';
import { createManualClock } from '@model';
import { createRateLimiter } from './rateLimit';

describe('rate limiter', () => {
  it('blocks a key after max failures and frees it when the window has passed', () => {
    const clock = createManualClock(new Date('2026-01-01T00:00:00Z'));
    const limiter = createRateLimiter({ max: 3, windowMs: 60_000, clock });
    for (let i = 0; i < 3; i++) {
      expect(limiter.isBlocked('a')).toBe(false);
      limiter.recordFailure('a');
    }
    expect(limiter.isBlocked('a')).toBe(true);
    expect(limiter.isBlocked('b')).toBe(false);
    clock.advance(60_001);
    expect(limiter.isBlocked('a')).toBe(false);
  });
});
