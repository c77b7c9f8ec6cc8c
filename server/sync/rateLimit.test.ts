// The database-backed attempt limiter on PGlite and, with PG_TEST_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '@model';
import { migrate } from '../store/migrations';
import { openPglite } from '../store/pglite';
import { dropSchema, openPostgres } from '../store/postgres';
import type { Database } from '../store/sql';
import { createRateLimiter } from './rateLimit';

const engines = process.env.PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];

describe.each(engines)('rate limiter on %s', (engine) => {
  let db: Database;
  const schema = `rl_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    db = engine === 'postgres' ? await openPostgres(process.env.PG_TEST_URL as string, { schema }) : await openPglite();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    if (engine === 'postgres') await dropSchema(process.env.PG_TEST_URL as string, schema);
  });

  it('reserves up to max per window, all buckets or none, and frees a bucket when the window has passed', async () => {
    const clock = createManualClock(new Date('2026-01-01T00:00:00Z'));
    const limiter = createRateLimiter({ db, windowMs: 60_000, clock });
    for (let i = 0; i < 3; i++) expect(await limiter.reserve([{ key: 'a', max: 3 }, { key: 'all', max: 10 }])).not.toBeNull();
    expect(await limiter.reserve([{ key: 'a', max: 3 }, { key: 'all', max: 10 }])).toBeNull();
    // The refused reservation did not count in 'all' (rolled back with 'a').
    const counts = await db.query<{ bucket: string; count: number }>(`SELECT bucket, count FROM rate_limits ORDER BY bucket`);
    expect(counts.map((r) => [r.bucket, Number(r.count)])).toEqual([['a', 3], ['all', 3]]);
    expect(await limiter.reserve([{ key: 'b', max: 3 }])).not.toBeNull();
    clock.advance(60_001);
    expect(await limiter.reserve([{ key: 'a', max: 3 }])).not.toBeNull();
    expect(await limiter.prune()).toBe(2); // 'all' and 'b' are past their window; 'a' restarted
  });

  it('gives a released attempt back', async () => {
    const clock = createManualClock(new Date('2026-01-02T00:00:00Z'));
    const limiter = createRateLimiter({ db, windowMs: 60_000, clock });
    for (let i = 0; i < 5; i++) {
      const r = await limiter.reserve([{ key: 'ok', max: 1 }]);
      expect(r).not.toBeNull();
      await limiter.release(r!);
    }
  });

  it('lets exactly max of a parallel burst through', async () => {
    const clock = createManualClock(new Date('2026-01-03T00:00:00Z'));
    const limiter = createRateLimiter({ db, windowMs: 60_000, clock });
    const results = await Promise.all(Array.from({ length: 50 }, () => limiter.reserve([{ key: 'burst', max: 7 }])));
    expect(results.filter((r) => r !== null)).toHaveLength(7);
  });
});
