// Bad input never reaches the database: wrong password, a .posbackup truncated or with a
// byte flipped at many offsets, a newer format version, missing or altered packs.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrgDatabase } from '../../src/db/schema';
import { inlineCodec } from '../../src/backup/format/codec';
import { FORMAT_VERSION, jsonBytes } from '../../src/backup/format/schema';
import { exportOrganizations, openBackupFile } from '../../src/backup/export';
import { memoryDestination } from '../../src/backup/destinations/memory';
import { commitRestore, previewRestore, runBackup, verifyBackup } from '../../src/backup/service';
import { setupBackupSet } from '../../src/backup/settings';
import type { BackupFailure } from '../../src/backup/format/types';
import { dumpTables, freshDb, seedOrg, stepClock } from '../../src/backup/test-fixtures';

let file: Uint8Array;
let source: OrgDatabase;
let target: OrgDatabase;
let targetBefore: Record<string, unknown[]>;

/** The whole restore path a wizard runs; returns the refusal reason or 'restored'. */
async function tryRestore(bytes: Uint8Array, password: string): Promise<BackupFailure | 'restored'> {
  const opened = await openBackupFile(bytes);
  if (!opened.ok) return opened.reason;
  const reader = opened.value.reader(opened.value.roots[0]!);
  const preview = await previewRestore(reader, password, target, { codec: inlineCodec });
  if (!preview.ok) return preview.reason;
  const done = await commitRestore(target, preview.value);
  return done.ok ? 'restored' : done.reason;
}

beforeAll(async () => {
  source = freshDb('src');
  await seedOrg(source, { articles: 120, receipts: 80, clients: 10 });
  const exported = await exportOrganizations(
    [{ db: source, organization: { id: 'o1', name: 'Shop' }, stores: [{ id: 's1', name: 'Main' }] }],
    { codec: inlineCodec, clock: stepClock(), password: 'secret', scryptLogN: 2 },
  );
  if (!exported.ok) throw new Error(exported.reason);
  file = exported.value;
  target = freshDb('target');
  await seedOrg(target, { articles: 3, receipts: 2, clients: 1 });
  targetBefore = await dumpTables(target);
});

describe('restore refuses bad input and changes nothing', () => {
  it('refuses a wrong password', async () => {
    expect(await tryRestore(file, 'Secret')).toBe('wrong-password');
    expect(await dumpTables(target)).toEqual(targetBefore);
  });

  it('refuses the file truncated at many offsets', async () => {
    const offsets = new Set([0, 1, 21, 22, file.length - 1, file.length - 22, file.length - 23]);
    for (let i = 0; i < 60; i++) offsets.add(Math.floor((file.length * i) / 60));
    for (const at of offsets) {
      const reason = await tryRestore(file.subarray(0, at), 'secret');
      expect(reason, `truncated at ${at}`).not.toBe('restored');
    }
    expect(await dumpTables(target)).toEqual(targetBefore);
  });

  it('refuses the file with a byte flipped at many offsets', async () => {
    const offsets = new Set([0, 4, 30, file.length - 1, file.length - 10, file.length - 30]);
    for (let i = 0; i < 120; i++) offsets.add(Math.floor((file.length * i) / 120) + (i % 7));
    for (const at of offsets) {
      if (at >= file.length) continue;
      const bad = file.slice();
      bad[at] = bad[at]! ^ (1 << (at % 8));
      expect(await tryRestore(bad, 'secret'), `flipped at ${at}`).toMatch(/^(damaged|missing-piece|no-backup|unsupported-version|wrong-password)$/);
    }
    expect(await dumpTables(target)).toEqual(targetBefore);
  });

  it('restores the intact file (the control for the cases above)', async () => {
    const other = freshDb('control');
    const opened = await openBackupFile(file);
    if (!opened.ok) throw new Error(opened.reason);
    const preview = await previewRestore(opened.value.reader(opened.value.roots[0]!), 'secret', other, { codec: inlineCodec });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.value.stores).toEqual([{ id: 's1', name: 'Main' }]);
    expect((await commitRestore(other, preview.value)).ok).toBe(true);
    expect(await dumpTables(other)).toEqual(await dumpTables(source));
  });
});

describe('format checks on a backup folder', () => {
  async function folder() {
    const db = freshDb();
    await seedOrg(db, { articles: 100, receipts: 20 });
    const clock = stepClock();
    await setupBackupSet(db, { password: 'pw' }, { codec: inlineCodec, clock, scryptLogN: 2 });
    const stick = memoryDestination();
    await runBackup(db, stick, null, clock, undefined, { codec: inlineCodec, organization: { id: 'o', name: 'O' } });
    return stick;
  }

  it.each(['BACKUP.json', 'HEAD'])('refuses a newer formatVersion in %s as unsupported-version', async (path) => {
    const stick = await folder();
    const json = JSON.parse(new TextDecoder().decode((await stick.read(path))!));
    await stick.write(path, jsonBytes({ ...json, formatVersion: FORMAT_VERSION + 1 }));
    const deep = await verifyBackup(stick, 'deep', { codec: inlineCodec, secret: 'pw' });
    expect(deep.ok || deep.reason).toBe('unsupported-version');
    const preview = await previewRestore(stick, 'pw', target, { codec: inlineCodec });
    expect(preview.ok || preview.reason).toBe('unsupported-version');
  });

  it('quick verify finds a missing pack and an altered pack without the password', async () => {
    const stick = await folder();
    const packs = await stick.list('packs');
    await stick.remove(`packs/${packs[0]!.name}`);
    const missing = await verifyBackup(stick, 'quick', { codec: inlineCodec });
    expect(missing.ok || missing.reason).toBe('missing-piece');

    const again = await folder();
    const name = (await again.list('packs'))[1]!.name;
    const bytes = (await again.read(`packs/${name}`))!;
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 0x40;
    await again.write(`packs/${name}`, bytes);
    const altered = await verifyBackup(again, 'quick', { codec: inlineCodec });
    expect(altered.ok || altered.reason).toBe('damaged');
  });

  it('deep verify refuses without a password on an encrypted set', async () => {
    const stick = await folder();
    const deep = await verifyBackup(stick, 'deep', { codec: inlineCodec });
    expect(deep.ok || deep.reason).toBe('wrong-password');
  });
});
