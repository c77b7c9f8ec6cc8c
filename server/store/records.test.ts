// The change-sequence guarantee: revs become visible in strictly increasing order, so a puller
// that saw rev R never misses a rev below R. Runs on PGlite and, with PG_TEST_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrate, schemaVersion, MIGRATIONS } from './migrations';
import { openPglite } from './pglite';
import { dropSchema, openPostgres } from './postgres';
import { lastRev, pullRecords, writeRecords } from './records';
import type { Database } from './sql';

const engines = process.env.PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];
const group = (id: string) => ({ kind: 'articleGroup' as const, id, data: { id, name: id, parentId: null, sort: 0, color: null } });
const now = new Date('2026-01-01T00:00:00Z');

/** PostgreSQL sessions waiting for another transaction while holding a tuple lock on this
 * schema's change_seq: writers queued behind the writers' lock. */
async function writersWaitingOnChangeSeq(db: Database): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks w JOIN pg_locks t ON t.pid = w.pid
     WHERE NOT w.granted AND w.locktype = 'transactionid' AND t.locktype = 'tuple' AND t.relation = 'change_seq'::regclass`,
  );
  return rows[0]?.n ?? 0;
}

describe.each(engines)('records store on %s', (engine) => {
  let db: Database;
  const schema = `store_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    db = engine === 'postgres' ? await openPostgres(process.env.PG_TEST_URL as string, { schema }) : await openPglite();
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    if (engine === 'postgres') await dropSchema(process.env.PG_TEST_URL as string, schema);
  });

  it('migrates once: a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
    expect(await schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
  });

  it('makes a later writer wait for an earlier open transaction, so revs commit in order', async () => {
    const start = await lastRev(db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstWrote!: () => void;
    const wrote = new Promise<void>((r) => (firstWrote = r));
    const first = db.transaction(async (tx) => {
      const revs = await writeRecords(tx, [group('g-first')], now);
      firstWrote();
      await gate;
      return revs;
    });
    await wrote;
    const settled: string[] = [];
    void first.then(() => settled.push('first'));
    const second = db.transaction((tx) => writeRecords(tx, [group('g-second')], now)).then((r) => {
      settled.push('second');
      return r;
    });
    if (engine === 'postgres') {
      // Wait until the second writer is blocked on the first one's change_seq row lock (a tuple
      // lock held while waiting for the first transaction), or has wrongly finished.
      await vi.waitFor(async () => expect(settled.length > 0 || (await writersWaitingOnChangeSeq(db)) > 0).toBe(true), { timeout: 10_000, interval: 10 });
      expect(settled).toEqual([]);
      // A reader meanwhile sees neither write: no gap can open below a visible rev.
      expect(await pullRecords(db, ['articleGroup'], start, 0, 10)).toEqual([]);
    }
    // (PGlite has one connection and runs transactions one at a time: the second one cannot start
    // before the first ends, so there is no intermediate state to observe.)
    release();
    const [[a], [b]] = await Promise.all([first, second]);
    expect(settled).toEqual(['first', 'second']);
    expect(a).toBe(start + 1);
    expect(b).toBe(start + 2);
    expect((await pullRecords(db, ['articleGroup'], start, 0, 10)).map((r) => r.id)).toEqual(['g-first', 'g-second']);
  });

  it('keeps the last write of a key when one batch writes it twice, and writes tombstones', async () => {
    const start = await lastRev(db);
    const revs = await db.transaction((tx) => writeRecords(tx, [group('g-twice'), { ...group('g-twice'), data: null }], now));
    expect(revs).toEqual([start + 1, start + 2]);
    const rows = await pullRecords(db, ['articleGroup'], start, 0, 10);
    expect(rows).toEqual([{ kind: 'articleGroup', id: 'g-twice', rev: start + 2, deleted: true, data: null }]);
    expect(await pullRecords(db, ['articleGroup'], start, start + 2, 10)).toEqual([]);
  });
});
