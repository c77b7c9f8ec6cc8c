// Crash injection: a run stopped after each commit step (or by a write failing half-way, as
// when the stick is pulled) leaves the medium's previous backup whole, verifiable and restorable.
import { describe, expect, it } from 'vitest';
import { toArticleRow } from '../../src/db/schema';
import { inlineCodec } from '../../src/backup/format/codec';
import { BackupError, COMMIT_STEPS, type BackupDestination } from '../../src/backup/format/types';
import { readHead } from '../../src/backup/format/reader';
import { memoryDestination } from '../../src/backup/destinations/memory';
import { commitRestore, listHistory, previewRestore, runBackup, verifyBackup } from '../../src/backup/service';
import { setupBackupSet } from '../../src/backup/settings';
import { article, dumpTables, freshDb, seedOrg, stepClock } from '../../src/backup/test-fixtures';

const extras = { codec: inlineCodec, organization: { id: 'o', name: 'Shop' } };

async function backedUpOrg() {
  const db = freshDb();
  await seedOrg(db, { articles: 300, receipts: 300 });
  const clock = stepClock();
  await setupBackupSet(db, { password: 'pw' }, { codec: inlineCodec, clock, scryptLogN: 4 });
  const stick = memoryDestination();
  const first = await runBackup(db, stick, null, clock, undefined, extras);
  if (!first.ok) throw new Error(first.reason);
  const before = await dumpTables(db);
  await db.articles.bulkPut([1, 50, 120, 299].map((i) => toArticleRow(article(i, 777), 'erp')));
  return { db, clock, stick, before, after: await dumpTables(db) };
}

async function restoredTables(stick: BackupDestination) {
  const target = freshDb('restore');
  const preview = await previewRestore(stick, 'pw', target, { codec: inlineCodec });
  if (!preview.ok) throw new Error(preview.reason);
  const done = await commitRestore(target, preview.value);
  expect(done.ok).toBe(true);
  return dumpTables(target);
}

describe('backup crash safety', () => {
  it.each(COMMIT_STEPS)('a run stopped after "%s" leaves a backup that verifies and restores', async (step) => {
    const { db, clock, stick, before, after } = await backedUpOrg();
    const crashed = await runBackup(db, stick, null, clock, undefined, {
      ...extras,
      faults: { after: (s) => { if (s === step) throw new BackupError('interrupted', s); } },
    });
    expect(crashed.ok || crashed.reason).toBe('interrupted');
    expect((await listHistory(db))[0]).toMatchObject({ ok: false, error: 'interrupted' });

    expect((await verifyBackup(stick, 'quick', { codec: inlineCodec })).ok).toBe(true);
    expect((await verifyBackup(stick, 'deep', { codec: inlineCodec, secret: 'pw' })).ok).toBe(true);
    const committed = step === 'head-written' || step === 'gc-done';
    expect(await restoredTables(stick)).toEqual(committed ? after : before);

    // The next run succeeds and collects what the crashed one left behind.
    const next = await runBackup(db, stick, null, clock, undefined, extras);
    expect(next.ok).toBe(true);
    const head = await readHead(stick);
    expect((await stick.list('packs')).map((f) => f.name).sort()).toEqual(head.packs.map((p) => p[0]).sort());
    expect((await stick.list('manifests')).map((f) => f.name)).toEqual([head.manifest.name]);
  });

  it('a medium failing at any write (stick pulled) keeps the previous backup', async () => {
    const { db, clock, stick, before } = await backedUpOrg();
    const snapshot = new Map(stick.files);
    let failures = 0;
    for (let n = 1; ; n++) {
      stick.files.clear();
      for (const [k, v] of snapshot) stick.files.set(k, v);
      let writes = 0;
      const flaky: BackupDestination = {
        ...stick,
        write: async (p, b) => {
          if (++writes === n) throw new BackupError('medium-gone', p);
          await stick.write(p, b);
        },
      };
      const run = await runBackup(db, flaky, null, clock, undefined, extras);
      if (run.ok) break;
      failures++;
      expect(run.reason).toBe('medium-gone');
      expect((await verifyBackup(stick, 'deep', { codec: inlineCodec, secret: 'pw' })).ok).toBe(true);
      expect(await restoredTables(stick)).toEqual(before);
    }
    expect(failures).toBeGreaterThanOrEqual(3);
  });
});

describe('medium rot', () => {
  it('a reused pack that rotted on the medium is written again by the next run', async () => {
    const { db, clock, stick } = await backedUpOrg();
    // A receipts pack: backedUpOrg edits articles only, so this pack would otherwise be reused.
    const head = await readHead(stick);
    const manifestPacks = head.packs.map((p) => `packs/${p[0]}`);
    const receiptsFirst = await (async () => {
      const preview = await previewRestore(stick, 'pw', freshDb('peek'), { codec: inlineCodec });
      if (!preview.ok) throw new Error(preview.reason);
      return preview.value.staged.manifest.dataSets.receipts!.tables.receipts!.packs[0]!.name;
    })();
    const name = `packs/${receiptsFirst}`;
    expect(manifestPacks).toContain(name);
    const bytes = stick.files.get(name)!.slice();
    bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x10;
    stick.files.set(name, bytes);
    expect((await verifyBackup(stick, 'quick', { codec: inlineCodec })).ok).toBe(false);
    const run = await runBackup(db, stick, null, clock, undefined, extras);
    expect(run.ok).toBe(true);
    expect(stick.files.has(name)).toBe(false);
    expect((await verifyBackup(stick, 'deep', { codec: inlineCodec, secret: 'pw' })).ok).toBe(true);
  });
});
