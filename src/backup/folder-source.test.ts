import { describe, expect, it } from 'vitest';
import { inlineCodec } from './format/codec';
import { memoryDestination } from './destinations/memory';
import { MemoryDirectoryHandle } from './destinations/memory-handle';
import { directoryDestination } from './destinations/directory';
import { restoreExtraFolder } from './folder-source';
import { previewRestore, runBackup } from './service';
import { setupBackupSet } from './settings';
import { freshDb, seedOrg, stepClock } from './test-fixtures';

describe('extra folders from the disk', () => {
  it('backs up a folder tree with binary files and writes it back on restore', async () => {
    const db = freshDb();
    await seedOrg(db, { articles: 10, receipts: 10 });
    const clock = stepClock();
    await setupBackupSet(db, { password: 'pw' }, { codec: inlineCodec, clock, scryptLogN: 2 });
    const docs = new MemoryDirectoryHandle('docs');
    const asDir = directoryDestination(docs, 'invoices');
    const binary = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff);
    await asDir.write('2026/jan.pdf', binary);
    await asDir.write('readme.txt', new TextEncoder().encode('hello'));
    const stick = memoryDestination();
    const run = await runBackup(db, stick, null, clock, undefined, {
      codec: inlineCodec, organization: { id: 'o', name: 'O' }, extraFolders: [{ label: 'Documents', handle: docs }],
    });
    expect(run.ok).toBe(true);

    const preview = await previewRestore(stick, 'pw', freshDb(), { codec: inlineCodec });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.value.extraFolders).toEqual(['Documents']);
    const out = new MemoryDirectoryHandle('restored');
    expect(await restoreExtraFolder(preview.value.staged, 'Documents', out)).toBe(2);
    const back = directoryDestination(out, 'invoices');
    expect(await back.read('2026/jan.pdf')).toEqual(binary);
    expect(new TextDecoder().decode((await back.read('readme.txt'))!)).toBe('hello');
  });
});
