// Incremental daily run (change tracking): it reads only changed key ranges, and its snapshot
// holds exactly the packs and rows a full run of the same data would produce.
import { describe, expect, it } from 'vitest';
import { toArticleRow, type OrgDatabase } from '../db/schema';
import { isCutPoint, type ChunkerParams } from './format/chunker';
import { inlineCodec, type CompressionLevel } from './format/codec';
import { readHead, stageBackup } from './format/reader';
import { directoryDestination } from './destinations/directory';
import { MemoryDirectoryHandle } from './destinations/memory-handle';
import { commitRestore, previewRestore, runBackup, verifyBackup } from './service';
import { sha256Hex } from './format/bytes';
import { jsonBytes } from './format/schema';
import type { LayoutPack } from './format/snapshot';
import { seededRandom } from '@demo';
import { loadSettings, setupBackupSet } from './settings';
import { article, dumpTables, freshDb, receipt, seedOrg, stepClock } from './test-fixtures';
import type { Manifest } from './format/schema';
import type { BackupReader } from './format/types';

const extras = { codec: inlineCodec, organization: { id: 'org1', name: 'Shop' } };
const stick = (label: string) => directoryDestination(new MemoryDirectoryHandle(label));

/** Pieces (rows and key ranges) per table: what must not depend on the run kind (packs group
 * pieces as each run found them). */
const layoutOf = (m: Manifest) =>
  Object.fromEntries(Object.entries(m.dataSets).map(([set, d]) => [set, Object.fromEntries(Object.entries(d.tables).map(([t, v]) => [t, { rows: v.rows, pieces: v.packs.map(({ rows, first, last }) => ({ rows, first, last })) }]))]));

/** An organization seeded with `n` rows, with an unencrypted backup set, its cut parameters
 * changed by `chunker` when given. */
async function shop(label: string, n: { articles: number; receipts: number }, chunker?: (c: ChunkerParams) => ChunkerParams) {
  const db = freshDb(label);
  await seedOrg(db, n);
  const clock = stepClock();
  await setupBackupSet(db, { unencrypted: true }, { codec: inlineCodec, clock });
  if (chunker) {
    const settings = await loadSettings(db);
    await db.backupSettings.put({ ...settings, set: { ...settings.set!, chunker: chunker(settings.set!.chunker) } });
  }
  return { db, clock };
}

/** The pieces the till remembers for the medium's last snapshot of one table ("set/table"). */
async function savedLayout(db: OrgDatabase, table: string): Promise<LayoutPack[]> {
  const row = (await db.backupLayouts.toArray()).find((r) => r.id !== '#pruned') as unknown as { previous: { tables: Record<string, LayoutPack[]> } };
  return row.previous.tables[table] ?? [];
}

/** The medium restores into a new organization holding exactly `db`'s rows. */
async function expectRestoresTo(medium: BackupReader, db: OrgDatabase, label: string): Promise<void> {
  const target = freshDb(label);
  const preview = await previewRestore(medium, '', target, { codec: inlineCodec });
  if (!preview.ok) throw new Error(preview.reason);
  await commitRestore(target, preview.value);
  expect(await dumpTables(target)).toEqual(await dumpTables(db));
}

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
    const { db, clock } = await shop('inc-journal', { articles: 0, receipts: 3000 });
    const a = stick('a');
    const first = await runBackup(db, a, null, clock, undefined, extras);
    if (!first.ok) throw new Error(first.reason);
    const journalPacks = await savedLayout(db, 'receipts/receipts');
    // 3,000 receipts in pieces of about 2,048 (DEFAULT_CHUNKER.tables), not 64.
    expect(journalPacks.length).toBeGreaterThan(0);
    expect(journalPacks.length).toBeLessThan(8);
    await db.receipts.bulkPut(Array.from({ length: 50 }, (_, i) => receipt(3000 + i)));
    const day = await runBackup(db, a, null, clock, undefined, extras);
    if (!day.ok) throw new Error(day.reason);
    // The last piece and, when that would leave its pack less than half in use, the pack's other
    // pieces (pieces under `packDocs` rows share a pack): never more than the last pack.
    const last = journalPacks[journalPacks.length - 1]!;
    expect(day.value.rowsRead).toBeGreaterThanOrEqual(50 + last.rows);
    expect(day.value.rowsRead).toBeLessThanOrEqual(50 + (last.packRows ?? last.rows));
    expect(day.value.packsWritten).toBeLessThanOrEqual(2);
  });

  it('over days of scattered edits, keeps every pack at least half live, the medium holding only what HEAD names, and restores the data', async () => {
    // Small pieces in packs of ~256 rows, so a day's 40 edits leave dead rows in many packs.
    const { db, clock } = await shop('inc-compact', { articles: 3000, receipts: 0 }, (c) => ({ ...c, avgDocs: 16, packDocs: 256 }));
    const a = stick('a');
    const random = seededRandom(7);
    const articlesLayout = () => savedLayout(db, 'catalog/articles');
    let compacted = 0;
    for (let day = 0; day < 12; day++) {
      let dirtyRows = 0;
      if (day > 0) {
        const edited = Array.from({ length: 40 }, () => article(Math.floor(random() * 3000), 100 + day));
        const before = await articlesLayout();
        dirtyRows = before.filter((p) => edited.some((e) => e.id >= p.first && e.id <= p.last)).reduce((n, p) => n + p.rows, 0);
        await db.articles.bulkPut(edited.map((e) => toArticleRow(e, 'erp')));
      }
      const run = await runBackup(db, a, null, clock, undefined, extras);
      if (!run.ok) throw new Error(run.reason);
      // Rows read beyond the edited pieces are a pack's other pieces, read to drop its dead rows.
      if (day > 0 && run.value.rowsRead > dirtyRows) compacted++;
      const layout = await articlesLayout();
      const live = new Map<string, { live: number; total: number }>();
      for (const p of layout) {
        const x = live.get(p.name) ?? { live: 0, total: p.packRows ?? p.rows };
        x.live += p.rows;
        live.set(p.name, x);
      }
      for (const [name, x] of live) expect(2 * x.live, `pack ${name} on day ${day}`).toBeGreaterThanOrEqual(x.total);
      const head = await readHead(a);
      expect(new Set((await a.list('packs')).map((f) => f.name))).toEqual(new Set(head.packs.map((p) => p[0])));
    }
    expect(compacted).toBeGreaterThan(0);
    await expectRestoresTo(a, db, 'inc-compact-restored');
  });

  it('reads a version 1 backup: one piece per pack, entries without skip', async () => {
    const { db, clock } = await shop('inc-v1', { articles: 500, receipts: 300 }, ({ packDocs: _p, tables: _t, ...v1 }) => ({ ...v1, avgDocs: 64 }));
    const a = stick('a');
    const run = await runBackup(db, a, null, clock, undefined, extras);
    if (!run.ok) throw new Error(run.reason);
    // Rewrite the manifest, HEAD and BACKUP.json as version 1 wrote them.
    const read = async (path: string) => JSON.parse(new TextDecoder().decode((await a.read(path))!)) as Record<string, unknown>;
    const head = await readHead(a);
    const manifest = JSON.parse(new TextDecoder().decode(await inlineCodec.open((await a.read(`manifests/${head.manifest.name}`))!, null))) as Manifest;
    for (const set of Object.values(manifest.dataSets)) for (const t of Object.values(set.tables)) for (const p of t.packs) {
      expect(p.skip).toBe(0);
      delete p.skip;
    }
    const sealed = await inlineCodec.seal(jsonBytes({ ...manifest, formatVersion: 1 }), 6, null);
    const name = await sha256Hex(sealed);
    await a.write(`manifests/${name}`, sealed);
    await a.write('HEAD', jsonBytes({ ...head, formatVersion: 1, manifest: { name, size: sealed.length } }));
    await a.write('BACKUP.json', jsonBytes({ ...(await read('BACKUP.json')), formatVersion: 1 }));
    expect((await verifyBackup(a, 'deep', { codec: inlineCodec })).ok).toBe(true);
    await expectRestoresTo(a, db, 'inc-v1-restored');
  });

  it('reads its tables in parallel transactions that see one snapshot while sales go on', async () => {
    const { db, clock } = await shop('inc-lanes', { articles: 2000, receipts: 2000 });
    // More stock moves than receipts: the two tables go to different lanes.
    await db.stockMoves.bulkPut(Array.from({ length: 3000 }, (_, i) => ({ id: `m${i}`, articleId: article(i % 2000).id, receiptId: 'old', qtyMilli: -1, at: '2026-01-01' })));
    const sell = (i: number) =>
      db.transaction('rw', db.receipts, db.stockMoves, async () => {
        const r = receipt(10_000 + i);
        await db.receipts.put(r);
        await db.stockMoves.put({ id: `${r.id}:0`, articleId: article(i % 2000).id, receiptId: r.id, qtyMilli: -1000, at: r.createdAt });
      });
    const a = stick('a');
    let sold = 0;
    let selling = true;
    const sales = (async () => {
      while (selling) await sell(sold++);
    })();
    const run = await runBackup(db, a, null, clock, undefined, extras);
    selling = false;
    await sales;
    if (!run.ok) throw new Error(run.reason);
    expect(sold).toBeGreaterThan(0);
    // Receipts and stock moves sit in different lanes; each sale wrote one of each at once.
    const staged = await stageBackup(a, '', inlineCodec);
    const receipts = staged.dataSets.receipts!.receipts!.length - 2000;
    expect(staged.dataSets.receipts!.stockMoves!.length - 3000).toBe(receipts);
  });

  it('waits for the Worker when too many packs are unsealed, within the same read transaction', async () => {
    const { db, clock } = await shop('inc-backlog', { articles: 24_000, receipts: 0 });
    // A slow codec: reading runs far ahead of sealing.
    const slow = { ...inlineCodec, seal: async (plain: Uint8Array, level: CompressionLevel, recipient: string | null) => {
      await new Promise((r) => setTimeout(r, 5));
      return inlineCodec.seal(plain, level, recipient);
    } };
    const free = await runBackup(db, stick('a'), null, clock, undefined, { ...extras, codec: slow });
    const limit = 200_000;
    const b = stick('b');
    const bounded = await runBackup(db, b, null, clock, undefined, { ...extras, codec: slow, maxPendingBytes: limit });
    if (!free.ok || !bounded.ok) throw new Error('backup failed');
    expect(free.value.peakPendingBytes).toBeGreaterThan(free.value.rawBytes / 2);
    // Reading waits after each batch (4,000 rows, 1/6 of the table): past the limit by about a
    // batch and the pack its last rows end up in.
    expect(bounded.value.peakPendingBytes).toBeLessThan(limit + bounded.value.rawBytes / 4);
    await expectRestoresTo(b, db, 'inc-backlog-restored');
  });

  it('an unchanged database reads no rows and rewrites no packs', async () => {
    const { db, clock } = await shop('inc2', { articles: 1000, receipts: 1000 });
    const a = stick('a');
    await runBackup(db, a, null, clock, undefined, extras);
    const again = await runBackup(db, a, null, clock, undefined, extras);
    if (!again.ok) throw new Error(again.reason);
    expect(again.value.rowsRead).toBe(0);
    expect(again.value.packsWritten).toBe(0);
  });

  it('falls back to reading everything when the medium holds another snapshot than the one remembered', async () => {
    const { db, clock } = await shop('inc3', { articles: 1000, receipts: 0 });
    const a = stick('a');
    await runBackup(db, a, null, clock, undefined, extras);
    await db.backupLayouts.toCollection().modify({ manifestName: 'elsewhere' });
    const again = await runBackup(db, a, null, clock, undefined, extras);
    if (!again.ok) throw new Error(again.reason);
    expect(again.value.rowsRead).toBe(again.value.rows);
  });
});
