// A folder or USB stick through the File System Access API: the directory handle is stored in
// the settings (IndexedDB keeps it); the write permission is asked again inside the click.
import { z } from 'zod';
import { directoryDestination, ensurePermission } from '../destinations/directory';
import type { DirectoryHandleLike } from '../destinations/handle';
import type { BackupMedium } from './types';

const schema = z.object({
  kind: z.literal('folder'),
  // A stored handle is a platform object: only its presence is checked.
  handle: z.custom<DirectoryHandleLike>((v) => typeof v === 'object' && v !== null),
});

export const folderMedium: BackupMedium<'folder', z.infer<typeof schema>> = {
  kind: 'folder',
  labelKey: 'backup.medium.folder',
  schema,
  readable: true,
  namable: true,
  displayName: (s) => s.handle.name,
  async open({ handle }) {
    return {
      destination: directoryDestination(handle),
      defaultLabel: handle.name || undefined,
      prepare: async () => (await ensurePermission(handle, true).catch(() => 'denied' as const)) === 'granted',
      finish: async () => {},
    };
  },
  async saveFile({ handle }, fileName, fill) {
    const w = await (await handle.getFileHandle(fileName, { create: true })).createWritable();
    try {
      const r = await fill((chunk) => w.write(chunk as Uint8Array<ArrayBuffer>));
      if (r.ok) await w.close();
      else await discard();
      return r;
    } catch (e) {
      await discard();
      throw e;
    }
    // Nothing half-written stays on the stick: the partial data and the file it created go.
    async function discard(): Promise<void> {
      await w.abort().catch(() => undefined);
      await handle.removeEntry(fileName).catch(() => undefined);
    }
  },
};
