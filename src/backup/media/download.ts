// Browsers without directory pickers (and the default): the backup is built in memory and saved
// as one .posbackup file through a download link.
import { z } from 'zod';
import { downloadDestination, saveAsDownload } from '../destinations/download';
import type { BackupMedium } from './types';

const schema = z.object({ kind: z.literal('download') });

export const downloadMedium: BackupMedium<'download', z.infer<typeof schema>> = {
  kind: 'download',
  labelKey: 'backup.medium.download',
  schema,
  readable: false,
  namable: false,
  async open() {
    const memory = downloadDestination();
    return {
      destination: memory,
      prepare: async () => true,
      finish: async (fileName) => saveAsDownload(await memory.toZip(), fileName),
    };
  },
  async saveFile(_s, fileName, fill) {
    // The browser downloads a Blob: the chunks are kept as parts of it, never joined in one copy.
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const r = await fill((chunk) => void parts.push(chunk as Uint8Array<ArrayBuffer>));
    if (r.ok) saveAsDownload(new Blob(parts, { type: 'application/octet-stream' }), fileName);
    return r;
  },
};
