// Test-only bundle injected into a till page (tests/chaos/backup.chaos.ts), never shipped: runs the
// real backup service (runBackup → OPFS folder through the directory-handle API a USB stick uses;
// the codec runs inline: a data:-URL module cannot start the codec Workers) with a fault hook that, at the chosen commit step, parks the run forever and
// raises a flag; the test then crashes the renderer. Afterwards the medium is verified (deep) and
// restored into a fresh organization database, with the same service a manager's restore uses.
import { OrgDatabase } from '../../src/db/schema';
import { commitRestore, previewRestore, runBackup, verifyBackup } from '../../src/backup/service';
import { loadSettings, setupBackupSet } from '../../src/backup/settings';
import { directoryDestination, openBackupFolder } from '../../src/backup/destinations/directory';
import { inlineCodec } from '../../src/backup/format/codec';
import type { CommitStep } from '../../src/backup/format/types';
import type { DirectoryHandleLike } from '../../src/backup/destinations/handle';

const clock = { now: () => new Date() };
const dbs = new Map<string, OrgDatabase>();
function open(name: string): OrgDatabase {
  let db = dbs.get(name);
  if (!db) dbs.set(name, (db = new OrgDatabase(name)));
  return db;
}

async function stick(name: string): Promise<DirectoryHandleLike> {
  const root = await navigator.storage.getDirectory();
  return (await root.getDirectoryHandle(name, { create: true })) as unknown as DirectoryHandleLike;
}

declare global {
  interface Window {
    chaosBackupParkedAt?: CommitStep;
  }
}

export async function setup({ dbName, password }: { dbName: string; password: string }): Promise<void> {
  const r = await setupBackupSet(open(dbName), { password }, { codec: inlineCodec, clock, scryptLogN: 12 });
  if (!r.ok) throw new Error(`setupBackupSet: ${r.reason}`);
}

/** One daily run to the OPFS folder `stickName`. With `parkAt`, the run stops at that commit
 * step and never returns (the page is crashed there); otherwise resolves with the snapshot id. */
export async function backup({ dbName, stickName, parkAt }: { dbName: string; stickName: string; parkAt?: CommitStep }): Promise<{ snapshotId: string; rows: number }> {
  const db = open(dbName);
  const codec = inlineCodec;
  const settings = await loadSettings(db);
  const r = await runBackup(db, directoryDestination(await stick(stickName)), settings, clock, undefined, {
    codec,
    organization: { id: 'chaos', name: 'Chaos shop' },
    description: 'daily',
    mediumLabel: stickName,
    faults: {
      after: async (step) => {
        if (step !== parkAt) return;
        window.chaosBackupParkedAt = step;
        await new Promise(() => undefined);
      },
    },
  });
  if (!r.ok) throw new Error(`runBackup: ${r.reason}`);
  return { snapshotId: r.value.snapshotId, rows: r.value.rows };
}

/** Deep verification of what the medium's HEAD names, then a restore of it into `targetDbName`. */
export async function verifyAndRestore({ stickName, password, targetDbName }: { stickName: string; password: string; targetDbName: string }): Promise<{ snapshotId: string; rows: number; receipts: string[] }> {
  const codec = inlineCodec;
  {
    const reader = await openBackupFolder(await stick(stickName));
    const v = await verifyBackup(reader, 'deep', { codec, secret: password });
    if (!v.ok) throw new Error(`verifyBackup: ${v.reason} ${v.detail ?? ''}`);
    const target = open(targetDbName);
    const preview = await previewRestore(reader, password, target, { codec });
    if (!preview.ok) throw new Error(`previewRestore: ${preview.reason}`);
    const done = await commitRestore(target, preview.value);
    if (!done.ok) throw new Error(`commitRestore: ${done.reason}`);
    const receipts = (await target.receipts.toArray()).map((r) => r.id).sort();
    return { snapshotId: v.value.snapshotId, rows: v.value.rows ?? -1, receipts };
  }
}

export async function receiptIds({ dbName }: { dbName: string }): Promise<string[]> {
  return (await open(dbName).receipts.toArray()).map((r) => r.id).sort();
}
