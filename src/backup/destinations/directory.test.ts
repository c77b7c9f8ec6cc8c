import { describe, expect, it, vi } from 'vitest';
import { directoryDestination, ensurePermission, openBackupFolder, translate } from './directory';
import { MemoryDirectoryHandle } from './memory-handle';
import { domError, type DirectoryHandleLike } from './handle';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('directory destination', () => {
  it('writes, reads, lists and removes files inside POS-Backup', async () => {
    const root = new MemoryDirectoryHandle('stick');
    const d = directoryDestination(root);
    await d.write('packs/aa', bytes('one'));
    await d.write('HEAD', bytes('h'));
    expect(await d.read('packs/aa')).toEqual(bytes('one'));
    expect(await d.read('packs/zz')).toBeNull();
    expect(await d.read('nofolder/zz')).toBeNull();
    expect(await d.list('packs')).toEqual([{ name: 'aa', size: 3 }]);
    expect(await d.list('')).toEqual([{ name: 'HEAD', size: 1 }]);
    expect(await d.list('manifests')).toEqual([]);
    await d.remove('packs/aa');
    await d.remove('packs/aa');
    expect(await d.list('packs')).toEqual([]);
    expect((await root.getDirectoryHandle('POS-Backup')).kind).toBe('directory');
  });

  it('looks each folder up once, and again after it was removed behind its back', async () => {
    const root = new MemoryDirectoryHandle('stick');
    const d = directoryDestination(root);
    const lookups = vi.spyOn(MemoryDirectoryHandle.prototype, 'getDirectoryHandle');
    await Promise.all(Array.from({ length: 20 }, (_, i) => d.write(`packs/p${i}`, bytes(String(i)))));
    expect(await d.read('packs/p7')).toEqual(bytes('7'));
    expect(lookups.mock.calls.length).toBeLessThanOrEqual(2);
    lookups.mockRestore();

    await root.removeEntry('POS-Backup', { recursive: true });
    expect(await d.read('packs/p7')).toBeNull();
    await d.write('packs/again', bytes('back'));
    const fresh = directoryDestination(root);
    expect(await fresh.read('packs/again')).toEqual(bytes('back'));
    expect(await fresh.list('packs')).toEqual([{ name: 'again', size: 4 }]);
  });

  it('keeps the old file when a write fails before close (swap on close)', async () => {
    const root = new MemoryDirectoryHandle();
    const d = directoryDestination(root);
    await d.write('HEAD', bytes('old'));
    const dir = await root.getDirectoryHandle('POS-Backup');
    const file = await dir.getFileHandle('HEAD');
    const w = await file.createWritable();
    await w.write(bytes('new!') as Uint8Array<ArrayBuffer>);
    await w.abort();
    expect(await d.read('HEAD')).toEqual(bytes('old'));
  });

  it('turns platform errors into reasons', async () => {
    expect(translate(domError('NotAllowedError'), 'x').code).toBe('not-allowed');
    expect(translate(domError('QuotaExceededError'), 'x').code).toBe('quota');
    expect(translate(domError('NotFoundError'), 'x').code).toBe('medium-gone');
    expect(translate(new Error('weird'), 'x').code).toBe('io');
    const denied = { ...new MemoryDirectoryHandle(), kind: 'directory', name: 'x', getDirectoryHandle: async () => { throw domError('NotAllowedError'); } } as unknown as DirectoryHandleLike;
    await expect(directoryDestination(denied).write('HEAD', bytes('h'))).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('asks permission again only when allowed to prompt', async () => {
    let asked = 0;
    const h = Object.assign(new MemoryDirectoryHandle(), {
      queryPermission: async () => 'prompt' as PermissionState,
      requestPermission: async () => { asked++; return 'granted' as PermissionState; },
    });
    expect(await ensurePermission(h, false)).toBe('prompt');
    expect(asked).toBe(0);
    expect(await ensurePermission(h, true)).toBe('granted');
    expect(asked).toBe(1);
  });
});

describe('openBackupFolder', () => {
  it('accepts the folder holding POS-Backup or POS-Backup itself, creating nothing', async () => {
    const parent = new MemoryDirectoryHandle('stick');
    await directoryDestination(parent).write('BACKUP.json', bytes('{}'));
    expect(await (await openBackupFolder(parent)).read('BACKUP.json')).toEqual(bytes('{}'));
    const repo = await parent.getDirectoryHandle('POS-Backup');
    expect(await (await openBackupFolder(repo)).read('BACKUP.json')).toEqual(bytes('{}'));
    const empty = new MemoryDirectoryHandle('empty');
    expect(await (await openBackupFolder(empty)).read('BACKUP.json')).toBeNull();
    const names: string[] = [];
    for await (const e of empty.values()) names.push(e.name);
    expect(names).toEqual([]);
  });
});
