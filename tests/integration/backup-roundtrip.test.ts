// Daily backup end to end on fake-indexeddb and the in-memory directory handle: first run,
// 1% change, second run writing only the touched packs, restore into a new organization.
import { describe, expect, it } from 'vitest';
import { toArticleRow } from '../../src/db/schema';
import { inlineCodec } from '../../src/backup/format/codec';
import { cutPieces, tableChunker } from '../../src/backup/format/chunker';
import { readDataSets } from '../../src/backup/dexie-source';
import { directoryDestination } from '../../src/backup/destinations/directory';
import { MemoryDirectoryHandle } from '../../src/backup/destinations/memory-handle';
import { commitRestore, listHistory, previewRestore, runBackup, verifyBackup } from '../../src/backup/service';
import { loadSettings, saveSettings, setupBackupSet } from '../../src/backup/settings';
import { article, counting, dumpTables, freshDb, seedOrg, stepClock } from '../../src/backup/test-fixtures';

const org = { id: 'org1', name: 'Shop' };
const extras = { codec: inlineCodec, organization: org };

async function setup(n = 2000) {
  const db = freshDb();
  await seedOrg(db, { articles: n, receipts: n });
  const clock = stepClock();
  const setup = await setupBackupSet(db, { password: 'correct horse' }, { codec: inlineCodec, clock, scryptLogN: 4 });
  if (!setup.ok) throw new Error(setup.reason);
  return { db, clock, recoveryKey: setup.value.recoveryKey };
}

describe('daily backup', () => {
  it('rewrites only the packs a 1% change touches, and restores every table into a new organization', async () => {
    const { db, clock } = await setup();
    // Journal packs scaled to this 2,000-receipt shop (the default 2,048 would make it one pack).
    const s0 = await loadSettings(db);
    await db.backupSettings.put({ ...s0, set: { ...s0.set!, chunker: { ...s0.set!.chunker, tables: { receipts: 128 } } } });
    const stick = counting(directoryDestination(new MemoryDirectoryHandle('stick')));
    const first = await runBackup(db, stick, null, clock, undefined, { ...extras, mediumLabel: 'Stick 1' });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.packsReused).toBe(0);

    // 1%: 20 article prices edited, 20 new receipts appended.
    const changed = Array.from({ length: 20 }, (_, i) => 300 + i * 17);
    await db.articles.bulkPut(changed.map((i) => toArticleRow(article(i, 99_999), 'erp')));
    const { receipt } = await import('../../src/backup/test-fixtures');
    await db.receipts.bulkPut(Array.from({ length: 20 }, (_, i) => receipt(2000 + i)));
    stick.reset();

    const second = await runBackup(db, stick, null, clock, undefined, extras);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    const settings = await loadSettings(db);
    const tables = await readDataSets(db, settings.dataSets, settings.includeIndexes);
    const touchedKeys: Record<string, string[]> = {
      articles: changed.map((i) => article(i).id),
      receipts: Array.from({ length: 20 }, (_, i) => receipt(2000 + i).id),
    };
    // Pieces as a full cut of today's data makes them; the run re-reads the touched ones (and,
    // when a pack is left more than half dead, that pack's other pieces).
    let touchedRows = 0;
    let allRows = 0;
    const pieces: { first: string; last: string; rows: number }[] = [];
    for (const t of tables) {
      for (const c of cutPieces(t.docs, tableChunker(settings.set!.chunker, t.table))) {
        pieces.push({ first: c.first, last: c.last, rows: c.rows });
        allRows += c.rows;
        if ((touchedKeys[t.table] ?? []).some((k) => k >= c.first && k <= c.last)) touchedRows += c.rows;
      }
    }
    expect(touchedRows).toBeLessThan(allRows / 5);
    expect(second.value.rowsRead).toBeGreaterThanOrEqual(touchedRows);
    // (Here the 20 edits fall in one pack of ~1,024 articles, which the run may rewrite whole.)
    expect(second.value.rowsRead).toBeLessThan(allRows / 2);
    const packWrites = stick.writes.filter((p) => p.startsWith('packs/'));
    expect(packWrites.length).toBe(second.value.packsWritten);
    expect(packWrites.length).toBeGreaterThan(0);
    expect(packWrites.length).toBeLessThan(first.value.packsWritten / 2);
    expect(stick.writes.filter((p) => !p.startsWith('packs/')).sort()).toEqual(['HEAD', expect.stringMatching(/^manifests\//)]);
    expect(second.value.bytesWritten).toBeLessThan(first.value.bytesWritten / 2);
    // The manifest names exactly a full cut's pieces; the medium holds exactly the packs HEAD names.
    const head = JSON.parse(new TextDecoder().decode((await stick.read('HEAD'))!)) as { packs: [string, number, string][] };
    expect(second.value.packsWritten + second.value.packsReused).toBe(head.packs.length);
    expect(new Set((await stick.list('packs')).map((f) => f.name))).toEqual(new Set(head.packs.map((p) => p[0])));
    expect(stick.removes.length).toBeGreaterThanOrEqual(1);
    const staged = await previewRestore(stick, 'correct horse', freshDb('staged'), { codec: inlineCodec });
    if (!staged.ok) throw new Error(staged.reason);
    const manifestPieces = Object.values(staged.value.staged.manifest.dataSets).flatMap((d) => Object.values(d.tables).flatMap((t) => t.packs.map(({ first, last, rows }) => ({ first, last, rows }))));
    expect(manifestPieces).toEqual(pieces);

    const quick = await verifyBackup(stick, 'quick', { codec: inlineCodec });
    expect(quick.ok).toBe(true);

    const target = freshDb('restored');
    const preview = await previewRestore(stick, 'correct horse', target, { codec: inlineCodec });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.backupRows.catalog?.articles).toBe(2000);
    expect(preview.value.localRows.catalog?.articles).toBe(0);
    expect(preview.value.organization).toEqual(org);
    const committed = await commitRestore(target, preview.value);
    expect(committed.ok).toBe(true);
    expect(await dumpTables(target)).toEqual(await dumpTables(db));
  });

  it('records which medium got which backup when sticks rotate', async () => {
    const { db, clock } = await setup(200);
    const monday = directoryDestination(new MemoryDirectoryHandle('a'));
    const tuesday = directoryDestination(new MemoryDirectoryHandle('b'));
    const r1 = await runBackup(db, monday, null, clock, undefined, { ...extras, mediumLabel: 'Monday' });
    const r2 = await runBackup(db, tuesday, null, clock, undefined, { ...extras, mediumLabel: 'Tuesday' });
    const r3 = await runBackup(db, monday, null, clock, undefined, { ...extras, mediumLabel: 'ignored: known medium' });
    if (!r1.ok || !r2.ok || !r3.ok) throw new Error('backup failed');
    expect(r3.value.mediumId).toBe(r1.value.mediumId);
    expect(r2.value.mediumId).not.toBe(r1.value.mediumId);
    expect(r3.value.packsWritten).toBe(0);
    const history = await listHistory(db);
    expect(history.map((h) => h.mediumLabel)).toEqual(['Monday', 'Tuesday', 'Monday']);
    expect(history.every((h) => h.ok && h.verified === 'quick')).toBe(true);
  });

  it('restores with the recovery key instead of the password', async () => {
    const { db, clock, recoveryKey } = await setup(100);
    const stick = directoryDestination(new MemoryDirectoryHandle());
    await runBackup(db, stick, null, clock, undefined, extras);
    const deep = await verifyBackup(stick, 'deep', { codec: inlineCodec, secret: recoveryKey! });
    expect(deep.ok && deep.value.rows).toBeGreaterThan(200);
  });

  it("restoring another till's backup keeps the target's own link and till identity, and brings the rest", async () => {
    const { db, clock } = await setup(100);
    const oldLink = { serverUrl: 'http://shop', tillId: 'till-old', token: 'old-token', tillCode: 'T1', unpairedAt: null };
    await db.settings.bulkPut([
      { key: 'link', value: oldLink },
      { key: 'till', value: { tillId: 'till-old', tillCode: 'T1' } },
      { key: 'printer', value: 58 },
    ]);
    const stick = directoryDestination(new MemoryDirectoryHandle());
    expect((await runBackup(db, stick, null, clock, undefined, extras)).ok).toBe(true);

    const paired = freshDb('replacement');
    const newLink = { ...oldLink, tillId: 'till-new', token: 'new-token', tillCode: 'T2' };
    await paired.settings.put({ key: 'link', value: newLink });
    const preview = await previewRestore(stick, 'correct horse', paired, { codec: inlineCodec });
    if (!preview.ok) throw new Error(preview.reason);
    expect((await commitRestore(paired, preview.value)).ok).toBe(true);
    expect((await paired.settings.get('link'))?.value).toEqual(newLink);
    // The target had no local till identity: the backup's comes back with the other settings.
    expect((await paired.settings.get('till'))?.value).toEqual({ tillId: 'till-old', tillCode: 'T1' });
    expect((await paired.settings.get('printer'))?.value).toBe(58);
    expect(await paired.articles.count()).toBe(await db.articles.count());

    // Into a fresh organization nothing is kept: everything is the backup's.
    const fresh = freshDb('fresh');
    const again = await previewRestore(stick, 'correct horse', fresh, { codec: inlineCodec });
    if (!again.ok) throw new Error(again.reason);
    expect((await commitRestore(fresh, again.value)).ok).toBe(true);
    expect((await fresh.settings.get('link'))?.value).toEqual(oldLink);
  });

  it('writes a readable unencrypted backup only when chosen explicitly, and leaves out derived indexes', async () => {
    const db = freshDb();
    await seedOrg(db, { articles: 100, receipts: 10 });
    const clock = stepClock();
    await setupBackupSet(db, { unencrypted: true }, { codec: inlineCodec, clock });
    await saveSettings(db, { dataSets: ['catalog', 'clients'], compressionLevel: 1 });
    const stick = directoryDestination(new MemoryDirectoryHandle());
    const run = await runBackup(db, stick, null, clock, undefined, extras);
    expect(run.ok).toBe(true);
    expect(await stick.read('key.age')).toBeNull();
    const target = freshDb('plain');
    const preview = await previewRestore(stick, '', target, { codec: inlineCodec });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.value.dataSets).toEqual(['catalog', 'clients']);
    await commitRestore(target, preview.value);
    expect(await target.articles.toArray()).toEqual(await db.articles.toArray());
    expect(await target.receipts.count()).toBe(0);
  });

  it('refuses a medium holding another backup set unless told to replace it', async () => {
    const a = await setup(50);
    const b = await setup(50);
    const stick = directoryDestination(new MemoryDirectoryHandle());
    await runBackup(a.db, stick, null, a.clock, undefined, extras);
    const refused = await runBackup(b.db, stick, null, b.clock, undefined, extras);
    expect(refused.ok || refused.reason).toBe('other-set');
    expect((await verifyBackup(stick, 'deep', { codec: inlineCodec, secret: 'correct horse' })).ok).toBe(true);
    const replaced = await runBackup(b.db, stick, null, b.clock, undefined, { ...extras, replaceForeign: true });
    expect(replaced.ok).toBe(true);
    const history = await listHistory(b.db);
    expect(history.map((h) => [h.ok, h.error])).toEqual([[true, null], [false, 'other-set']]);
  });

  it('says not-configured before a password is set', async () => {
    const db = freshDb();
    const run = await runBackup(db, directoryDestination(new MemoryDirectoryHandle()), null, stepClock(), undefined, extras);
    expect(run.ok || run.reason).toBe('not-configured');
  });
});
