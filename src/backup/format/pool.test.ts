import { describe, expect, it } from 'vitest';
import { createLimiter } from './pool';

describe('createLimiter', () => {
  it('runs at most `limit` tasks at once, in the order they were asked for, and passes results and errors through', async () => {
    const limit = createLimiter(3);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 1 + (i % 4)));
      running--;
      if (i === 5) throw new Error('five');
      return i * 2;
    };
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => limit(task(i))));
    expect(peak).toBe(3);
    expect(started).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(results[4]).toEqual({ status: 'fulfilled', value: 8 });
    expect(results[5]).toMatchObject({ status: 'rejected', reason: new Error('five') });
    // The slot of a failed task is handed on: later tasks still ran.
    expect(results[19]).toEqual({ status: 'fulfilled', value: 38 });
  });
});
