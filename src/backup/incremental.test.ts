// Incremental daily run (change tracking): it reads only changed key ranges, and its snapshot
// holds exactly the packs and rows a full run of the same data would produce.
import { describe, expect, it } from 'vitest';
import { toArticleRow } from '../db/schema';
import { isCutPoint } from './format/chunker';
import { inlineCodec } from './format/codec';
import { stageBackup } from './format/reader';
import { directoryDestination } from './destinations/directory';
import { MemoryDirectoryHandle } from './destinations/memory-handle';
import { runBackup } from './service';
import { loadSettings, setupBackupSet } from './settings';
import { article, freshDb, receipt, seedOrg, stepClock } from './test-fixtures';
import type { Manifest } from './format/schema';

const extras = { codec: inlineCodec, organization: { id: 'org1', name: 'Shop' } };
const stick = (label: string) => directoryDestination(new MemoryDirectoryHandle(label));

/** Pieces (rows and key ranges) per table: what must not depend on the run kind (packs group
 * pieces as each run found them). */
const layoutOf = (m: Manifest) =>
  Object.fromEntries(Object.entries(m.dataSets).map(([set, d]) => [set, Object.fromEntries(Object.entries(d.tables).map(([t, v]) => [t, { rows: v.rows, pieces: v.packs.map(({ rows, first, last }) => ({ rows, first, last })) }]))]));

describe('incremental backup', () => {
  it('after edits, deletes of cut keys, inserts and a cleared table, equals a full snapshot of the same data', async () => {
    const n = 3000;
    const db = freshDb('inc');
    await seedOrg(db, { articles: n, receipts: n, clients: 50 });
    const clock = stepClock();
    const set = await setupBackupSet(db, { password: 'pw' }, { codec: inlineCodec, clock, scryptLogN: 4 });
    if (!set.ok) throw new Error(set.reason);
    // Small packs, so the few edits below leave most of each table's packs clean; the receipts
    // journal with its own pack size.
    const settings = await loadSettings(db);
    const chunker = { ...settings.set!.chunker, avgDocs: 32, tables: { receipts: 128 } };
    await db.backupSettings.put({ ...settings, set: { ...settings.set!, chunker } });
    const a = stick('a');
    const first = await runBackup(db, a, null, clock, undefined, extras);
    expect(first.ok && first.value.rowsRead).toBe(first.ok && first.value.rows);

    const cutKeys = Array.from({ length: n }, (_, i) => article(i).id).filter((k) => isCutPoint(chunker, k));
    await db.articles.bulkPut([10, 1500, 2999].map((i) => toArticleRow(article(i, 7), 'erp')));
    await db.articles.bulkDelete([cutKeys[1]!, cutKeys[5]!, article(42).id]);
    await db.articles.bulkPut(Array.from({ length: 400 }, (_, i) => toArticleRow(article(n + i), 'erp')).filter((r) => isCutPoint(chunker, r.id)).concat(toArticleRow(article(5000), 'erp')));
    await db.receipts.bulkPut(Array.from({ length: 30 }, (_, i) => receipt(n + i)));
    await db.currencies.clear();

    const inc = await runBackup(db, a, null, clock, undefined, extras);
    const b = stick('b');
    const full = await runBackup(db, b, null, clock, undefined, extras);
    if (!inc.ok || !full.ok) throw new Error('backup failed');
    expect(inc.value.rows).toBe(full.value.rows);
    expect(inc.value.rowsRead).toBeLessThan(full.value.rowsRead / 4);
    expect(inc.value.rawBytes).toBe(full.value.rawBytes);

    const [sa, sfull] = await Promise.all([stageBackup(a, 'pw', inlineCodec), stageBackup(b, 'pw', inlineCodec)]);
    expect(layoutOf(sa.manifest)).toEqual(layoutOf(sfull.manifest));
    expect(sa.dataSets).toEqual(sfull.dataSets);
  });

  it("a day's receipts, appended at the end of the journal's key space, rewrite only its last pack", async () => {
    const db = freshDb('inc-journal');
    await seedOrg(db, { articles: 0, receipts: 3000 });
    const clock = stepClock();
    await setupBackupSet(db, { unencrypted: true }, { codec: inlineCodec, clock });
    const a = stick('a');
    const first = await runBackup(db, a, null, clock, undefined, extras);
    if (!first.ok) throw new Error(first.reason);
    const journalPacks = (await db.backupLayouts.toArray()).flatMap((r) => (r as unknown as { previous?: { tables: Record<string, { rows: number }[]> } }).previous?.tables['receipts/receipts'] ?? []);
    // 3,000 receipts in packs of about 2,048 (DEFAULT_CHUNKER.tables), not 128.
    expect(journalPacks.length).toBeGreaterThan(0);
    expect(journalPacks.length).toBeLessThan(8);
    await db.receipts.bulkPut(Array.from({ length: 50 }, (_, i) => receipt(3000 + i)));
    const day = await runBackup(db, a, null, clock, undefined, extras);
    if (!day.ok) throw new Error(day.reason);
    expect(day.value.rowsRead).toBe(50 + journalPacks[journalPacks.length - 1]!.rows);
    expect(day.value.packsWritten).toBeLessThanOrEqual(2);
  });

  it('an unchanged database reads no rows and rewrites no packs', async () => {
    const db = freshDb('inc2');
    await seedOrg(db, { articles: 1000, receipts: 1000 });
    const clock = stepClock();
    await setupBackupSet(db, { unencrypted: true }, { codec: inlineCodec, clock });
    const a = stick('a');
    await runBackup(db, a, null, clock, undefined, extras);
    const again = await runBackup(db, a, null, clock, undefined, extras);
    if (!again.ok) throw new Error(again.reason);
    expect(again.value.rowsRead).toBe(0);
    expect(again.value.packsWritten).toBe(0);
  });

  it('falls back to reading everything when the medium holds another snapshot than the one remembered', async () => {
    const db = freshDb('inc3');
    await seedOrg(db, { articles: 1000, receipts: 0 });
    const clock = stepClock();
    await setupBackupSet(db, { unencrypted: true }, { codec: inlineCodec, clock });
    const a = stick('a');
    await runBackup(db, a, null, clock, undefined, extras);
    await db.backupLayouts.toCollection().modify({ manifestName: 'elsewhere' });
    const again = await runBackup(db, a, null, clock, undefined, extras);
    if (!again.ok) throw new Error(again.reason);
    expect(again.value.rowsRead).toBe(again.value.rows);
  });
});
