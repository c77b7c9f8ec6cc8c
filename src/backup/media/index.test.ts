import { describe, expect, it } from 'vitest';
import { MemoryDirectoryHandle } from '../destinations/memory-handle';
import { describeMedium, effectiveMedium, MEDIA, mediumOf, parseMedium, saveFileTo } from './index';

const linked = { folder: { available: true, detail: null }, download: { available: true, detail: null }, 'back-office': { available: true, detail: 'https://bo' } };
const unlinked = { ...linked, 'back-office': { available: false, detail: null } };

describe('backup media registry', () => {
  it('lists each medium once, each with its own kind in its schema', () => {
    expect(new Set(MEDIA.map((m) => m.kind)).size).toBe(MEDIA.length);
    for (const m of MEDIA) expect(mediumOf(m.kind)).toBe(m);
  });

  it('parses stored settings against their medium, refusing unknown kinds and missing handles', () => {
    expect(parseMedium({ kind: 'download' })).toEqual({ kind: 'download' });
    expect(parseMedium({ kind: 'back-office' })).toEqual({ kind: 'back-office' });
    expect(parseMedium({ kind: 'folder', handle: null })).toBeNull();
    expect(parseMedium({ kind: 'webdav' })).toBeNull();
    expect(parseMedium(null)).toBeNull();
  });

  it('uses the fallback while the chosen medium is unavailable', () => {
    const folder = { kind: 'folder' as const, handle: new MemoryDirectoryHandle('stick') };
    const s = { medium: { kind: 'back-office' as const }, fallbackMedium: folder };
    expect(effectiveMedium(s, linked)).toEqual({ kind: 'back-office' });
    expect(effectiveMedium(s, unlinked)).toBe(folder);
    expect(effectiveMedium({ ...s, fallbackMedium: null }, unlinked)).toEqual({ kind: 'download' });
  });

  it('describes a medium for the screens', () => {
    expect(describeMedium({ kind: 'folder', handle: new MemoryDirectoryHandle('stick') })).toEqual({ kind: 'folder', labelKey: 'backup.medium.folder', name: 'stick', namable: true, readable: true });
    expect(describeMedium({ kind: 'download' })).toMatchObject({ labelKey: 'backup.medium.download', namable: false, readable: false });
  });

  it('streams a single file to a folder, discards a failed one; the back office holds no single files', async () => {
    const handle = new MemoryDirectoryHandle('out');
    const chunks = async (write: (c: Uint8Array) => Promise<void> | void, ok: boolean) => {
      await write(new Uint8Array([1, 2]));
      await write(new Uint8Array([3]));
      return { ok };
    };
    expect(await saveFileTo({ kind: 'folder', handle }, 'a.posbackup', (w) => chunks(w, true))).toEqual({ ok: true });
    expect((await (await (await handle.getFileHandle('a.posbackup')).getFile()).arrayBuffer()).byteLength).toBe(3);
    expect(await saveFileTo({ kind: 'folder', handle }, 'b.posbackup', (w) => chunks(w, false))).toEqual({ ok: false });
    await expect(handle.getFileHandle('b.posbackup')).rejects.toBeDefined();
    expect(await saveFileTo({ kind: 'back-office' }, 'a.posbackup', (w) => chunks(w, true))).toBeNull();
  });
});
