// A repository held in memory: the single-file export and download collect a tree here and
// turn it into one .posbackup ZIP; tests use it as a plain medium.
import type { BackupDestination, FileInfo } from '../format/types';
import { ROOT } from '../format/schema';
import { repositoryPaths, writeZip } from '../format/zip';

export interface MemoryDestination extends BackupDestination {
  readonly files: Map<string, Uint8Array>;
  /** The tree as one canonical uncompressed ZIP (the .posbackup file). */
  toZip(): Promise<Uint8Array>;
}

export function memoryDestination(kind: BackupDestination['kind'] = 'memory'): MemoryDestination {
  const files = new Map<string, Uint8Array>();
  const self: MemoryDestination = {
    kind,
    files,
    read: async (path) => files.get(path)?.slice() ?? null,
    list: async (dir) => {
      const base = dir ? `${dir}/` : '';
      const out: FileInfo[] = [];
      for (const [name, data] of files) {
        const rest = name.startsWith(base) ? name.slice(base.length) : null;
        if (rest && !rest.includes('/')) out.push({ name: rest, size: data.length });
      }
      return out;
    },
    write: async (path, bytes) => {
      files.set(path, bytes.slice());
    },
    remove: async (path) => {
      files.delete(path);
    },
    // The files themselves (read() hands out copies), in the stable entry order.
    toZip: async () => writeZip((await repositoryPaths(self)).map((p) => ({ name: `${ROOT}/${p}`, data: files.get(p)! }))),
  };
  return self;
}
