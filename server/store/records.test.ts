// The change-sequence guarantee: revs become visible in strictly increasing order, so a puller
// that saw rev R never misses a rev below R. Runs on PGlite and, with PG_TEST_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, MIGRATIONS } from './migrations';
import { openPglite } from './pglite';
import { dropSchema, openPostgres } from './postgres';
import { lastRev, pullRecords, writeRecords } from './records';
import type { Database } from './sql';

const engines = process.env.PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];
const group = (id: string) => ({ kind: 'articleGroup' as const, id, data: { id, name: id, parentId: null, sort: 0, color: null } });
const now = new Date('2026-01-01T00:00:00Z');

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
    let secondDone = false;
    const second = db.transaction((tx) => writeRecords(tx, [group('g-second')], now)).then((r) => {
      secondDone = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(secondDone).toBe(false);
    if (engine === 'postgres') {
      // A reader meanwhile sees neither write: no gap can open below a visible rev.
      expect(await pullRecords(db, ['articleGroup'], start, 0, 10)).toEqual([]);
    }
    release();
    const [[a], [b]] = await Promise.all([first, second]);
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
