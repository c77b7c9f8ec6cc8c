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
  async saveFile({ handle }, fileName, bytes) {
    const w = await (await handle.getFileHandle(fileName, { create: true })).createWritable();
    try {
      await w.write(bytes as Uint8Array<ArrayBuffer>);
      await w.close();
    } catch (e) {
      await w.abort().catch(() => undefined);
      throw e;
    }
  },
};
