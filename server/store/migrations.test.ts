// Migration 3 moves off-site backup files from per-till trees to sets owned by a till: files
// stored under version 2 stay readable, each set gets its owner, and a set id two tills used
// keeps one owner's files. Runs on PGlite and, with PG_TEST_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS } from './migrations';
import { openPglite } from './pglite';
import { dropSchema, openPostgres } from './postgres';
import type { Database } from './sql';
import { getBackupFile, listBackupSets } from '../http/backupStore';

const engines = process.env.PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];
const at = new Date('2026-05-01T10:00:00Z');

describe.each(engines)('migration 3 (backup sets) on %s', (engine) => {
  let db: Database;
  const schema = `mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    db = engine === 'postgres' ? await openPostgres(process.env.PG_TEST_URL as string, { schema }) : await openPglite();
    expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 2))).toEqual([1, 2]);
    for (const [till, set, path, text] of [
      ['t1', 's1', 'HEAD', 'one'],
      ['t1', 's1', 'key.age', 'key'],
      ['t2', 's2', 'HEAD', 'two'],
      ['t3', 's2', 'HEAD', 'clash'],
    ] as const) {
      await db.query(`INSERT INTO backup_files (till_id, set_id, path, bytes, size, sha256, updated_at) VALUES ($1, $2, $3, $4, $5, 'x', $6)`, [
        till, set, path, Buffer.from(text), text.length, at,
      ]);
    }
    expect(await migrate(db, MIGRATIONS.filter((m) => m.version <= 3))).toEqual([3]);
  });
  afterAll(async () => {
    await db?.close();
    if (engine === 'postgres') await dropSchema(process.env.PG_TEST_URL as string, schema);
  });

  it('keeps the files, gives each set one owner and drops the other till\'s clashing copy', async () => {
    expect(new TextDecoder().decode((await getBackupFile(db, { setId: 's1', path: 'key.age' }))!)).toBe('key');
    expect(new TextDecoder().decode((await getBackupFile(db, { setId: 's2', path: 'HEAD' }))!)).toBe('two');
    const sets = await listBackupSets(db);
    expect(sets.map((s) => [s.setId, s.tillId, s.files, s.bytes]).sort()).toEqual([
      ['s1', 't1', 2, 6],
      ['s2', 't2', 1, 3],
    ]);
    expect(sets[0]?.updatedAt).toBe(at.toISOString());
  });
});
