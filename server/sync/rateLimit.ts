// Attempt limits for admin logins and pairings, kept in the database (table rate_limits) so every
// back-office process on one PostgreSQL shares them and a restart forgets nothing. An attempt is
// reserved BEFORE the expensive check, in one statement per bucket (INSERT … ON CONFLICT DO UPDATE
// … WHERE count < max RETURNING): a burst of parallel requests cannot all read "not blocked" and
// all go on to the password hash. A success gives its attempt back, so the counts are failures
// (plus attempts still in flight). Each bucket has a fixed window starting at its first attempt.
import type { Clock } from '@model';
import type { Database, Sql } from '../store/sql';

export interface Bucket {
  /** e.g. `login:ip:203.0.113.7`, `login:all`, `pair:install:…` */
  key: string;
  max: number;
}

export interface Reservation {
  /** The buckets counted; give them back with `release` when the attempt succeeded. */
  keys: string[];
}

export interface RateLimiter {
  /** Reserves one attempt in every bucket, all or none: null when any bucket is full. */
  reserve(buckets: readonly Bucket[]): Promise<Reservation | null>;
  /** Gives the attempt back (a successful login or pairing does not count as a failure). */
  release(reservation: Reservation): Promise<void>;
  /** Deletes buckets whose window has passed. */
  prune(): Promise<number>;
}

class Full extends Error {}

export function createRateLimiter(options: { db: Database; windowMs: number; clock: Clock }): RateLimiter {
  const { db, windowMs, clock } = options;
  const reserveOne = async (tx: Sql, bucket: Bucket, now: Date): Promise<boolean> => {
    if (bucket.max <= 0) return false;
    const rows = await tx.query(
      `INSERT INTO rate_limits AS r (bucket, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (bucket) DO UPDATE SET
         window_start = CASE WHEN r.window_start <= $3 THEN excluded.window_start ELSE r.window_start END,
         count = CASE WHEN r.window_start <= $3 THEN 1 ELSE r.count + 1 END
       WHERE r.window_start <= $3 OR r.count < $4
       RETURNING count`,
      [bucket.key.slice(0, 300), now, new Date(now.getTime() - windowMs), bucket.max],
    );
    return rows.length > 0;
  };
  return {
    async reserve(buckets) {
      const now = clock.now();
      // One transaction, buckets in a fixed order (no deadlock between two requests): a refusal
      // by any bucket rolls back the others' reservations.
      const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      try {
        await db.transaction(async (tx) => {
          for (const bucket of sorted) if (!(await reserveOne(tx, bucket, now))) throw new Full();
        });
      } catch (err) {
        if (err instanceof Full) return null;
        throw err;
      }
      return { keys: sorted.map((b) => b.key.slice(0, 300)) };
    },
    async release(reservation) {
      for (const key of reservation.keys) await db.query(`UPDATE rate_limits SET count = count - 1 WHERE bucket = $1 AND count > 0`, [key]);
    },
    async prune() {
      const since = new Date(clock.now().getTime() - windowMs);
      return (await db.query(`DELETE FROM rate_limits WHERE window_start <= $1 RETURNING bucket`, [since])).length;
    },
  };
}
