// BackupDestination over a directory handle: a USB stick or folder from showDirectoryPicker,
// the Origin Private File System, or the in-memory handle of tests. The repository lives in
// a POS-Backup folder inside the chosen directory.
import { BackupError, type BackupDestination, type BackupFailure, type FileInfo } from '../format/types';
import { ROOT } from '../format/schema';
import type { DirectoryHandleLike } from './handle';

/** Platform error names → domain reasons (the File System Access API throws DOMExceptions). */
export function translate(e: unknown, path: string): BackupError {
  if (e instanceof BackupError) return e;
  const name = e instanceof Error ? e.name : '';
  const map: Record<string, BackupFailure> = {
    NotAllowedError: 'not-allowed',
    SecurityError: 'not-allowed',
    QuotaExceededError: 'quota',
    NotFoundError: 'medium-gone',
    InvalidStateError: 'medium-gone',
    AbortError: 'interrupted',
  };
  return new BackupError(map[name] ?? 'io', `${path}: ${name || String(e)}`);
}

const isNotFound = (e: unknown) => e instanceof Error && (e.name === 'NotFoundError' || e.name === 'TypeMismatchError');

/** `rootName` '' uses the handle itself as the repository root. Reads never create folders. */
export function directoryDestination(parent: DirectoryHandleLike, rootName: string = ROOT): BackupDestination {
  const root = (create: boolean) => (rootName ? parent.getDirectoryHandle(rootName, { create }) : Promise.resolve(parent));
  // Folder handles found once are kept (a lookup per file is a round trip to the browser on
  // every pack); a removed folder is looked up again after a NotFoundError.
  const folders = new Map<string, Promise<DirectoryHandleLike>>();

  async function lookUp(dirPath: string, create: boolean): Promise<DirectoryHandleLike> {
    let dir = await root(create);
    for (const p of dirPath ? dirPath.split('/') : []) dir = await dir.getDirectoryHandle(p, { create });
    return dir;
  }

  async function dirOf(path: string, create: boolean): Promise<{ dir: DirectoryHandleLike; name: string }> {
    const cut = path.lastIndexOf('/');
    const dirPath = cut < 0 ? '' : path.slice(0, cut);
    const name = path.slice(cut + 1);
    let found = folders.get(dirPath);
    if (!found) {
      found = lookUp(dirPath, create);
      folders.set(dirPath, found);
      found.catch(() => folders.delete(dirPath));
    }
    return { dir: await found, name };
  }

  return {
    kind: 'directory',
    async read(path) {
      try {
        const { dir, name } = await dirOf(path, false);
        const file = await (await dir.getFileHandle(name)).getFile();
        return new Uint8Array(await file.arrayBuffer());
      } catch (e) {
        if (isNotFound(e)) return null;
        throw translate(e, path);
      }
    },
    async list(dirPath) {
      try {
        const { dir } = await dirOf(dirPath ? `${dirPath}/x` : 'x', false);
        const out: FileInfo[] = [];
        for await (const entry of dir.values()) {
          if (entry.kind === 'file') out.push({ name: entry.name, size: (await entry.getFile()).size });
        }
        return out;
      } catch (e) {
        if (isNotFound(e)) return [];
        throw translate(e, dirPath);
      }
    },
    async names(dirPath) {
      try {
        const { dir } = await dirOf(dirPath ? `${dirPath}/x` : 'x', false);
        const out: string[] = [];
        for await (const entry of dir.values()) if (entry.kind === 'file') out.push(entry.name);
        return out;
      } catch (e) {
        if (isNotFound(e)) return [];
        throw translate(e, dirPath);
      }
    },
    async write(path, bytes) {
      try {
        const { dir, name } = await dirOf(path, true);
        let handle: Awaited<ReturnType<DirectoryHandleLike['getFileHandle']>>;
        try {
          handle = await dir.getFileHandle(name, { create: true });
        } catch (e) {
          // A kept folder handle went stale (folder removed meanwhile): look it up again, once.
          if (!isNotFound(e)) throw e;
          folders.clear();
          handle = await (await dirOf(path, true)).dir.getFileHandle(name, { create: true });
        }
        const w = await handle.createWritable();
        try {
          await w.write(bytes as Uint8Array<ArrayBuffer>);
          await w.close();
        } catch (e) {
          await w.abort().catch(() => undefined);
          throw e;
        }
      } catch (e) {
        throw translate(e, path);
      }
    },
    async remove(path) {
      try {
        const { dir, name } = await dirOf(path, false);
        await dir.removeEntry(name);
      } catch (e) {
        if (isNotFound(e)) return;
        throw translate(e, path);
      }
    },
  };
}

/**
 * Whether the engine may write to a stored handle. The browser drops the grant between
 * sessions; `request` must be true only inside a click handler (a user gesture).
 */
export async function ensurePermission(handle: DirectoryHandleLike, request: boolean): Promise<'granted' | 'prompt' | 'denied'> {
  const mode = { mode: 'readwrite' as const };
  const state = (await handle.queryPermission?.(mode)) ?? 'granted';
  if (state === 'granted' || !request) return state;
  return (await handle.requestPermission?.(mode)) ?? 'denied';
}

/**
 * A backup folder the manager picked for restore: either the folder holding POS-Backup or the
 * POS-Backup folder itself (its BACKUP.json sits at the top).
 */
export async function openBackupFolder(handle: DirectoryHandleLike): Promise<BackupDestination> {
  const inside = directoryDestination(handle);
  if (await inside.read('BACKUP.json')) return inside;
  return directoryDestination(handle, '');
}
