// Extra folders from the disk (seed 001: "plus extra folders chosen by the user"): a directory
// handle's files become the documents of data set "files", one table per folder label, and
// can be written back into a directory on restore.
import type { Doc } from './format/chunker';
import type { TableInput } from './format/snapshot';
import type { StagedBackup } from './format/reader';
import { BackupError } from './format/types';
import type { DirectoryHandleLike } from './destinations/handle';
import { translate } from './destinations/directory';

export const FILES_SET = 'files';

export interface ExtraFolder {
  label: string;
  handle: DirectoryHandleLike;
}

interface FileDoc {
  path: string;
  size: number;
  base64: string;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function walk(dir: DirectoryHandleLike, prefix: string, docs: Doc[]): Promise<void> {
  for await (const entry of dir.values()) {
    const path = prefix + entry.name;
    if (entry.kind === 'directory') await walk(entry, `${path}/`, docs);
    else {
      const bytes = new Uint8Array(await (await entry.getFile()).arrayBuffer());
      const doc: FileDoc = { path, size: bytes.length, base64: toBase64(bytes) };
      docs.push({ key: path, json: JSON.stringify(doc) });
    }
  }
}

export async function readExtraFolders(folders: readonly ExtraFolder[]): Promise<TableInput[]> {
  const out: TableInput[] = [];
  for (const f of folders) {
    const docs: Doc[] = [];
    try {
      await walk(f.handle, '', docs);
    } catch (e) {
      throw translate(e, f.label);
    }
    docs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    out.push({ set: FILES_SET, table: f.label, docs });
  }
  return out;
}

/** Longest path segment and whole path accepted on restore (file systems allow 255 bytes). */
const MAX_NAME = 255;
const MAX_PATH = 4096;

/** The path's folder names and file name, or null when any part could leave the target folder
 * or is not a plain name: '..', '.', empty, '\\', NUL, control characters, too long. */
export function safePathParts(path: unknown): string[] | null {
  if (typeof path !== 'string' || path.length === 0 || path.length > MAX_PATH) return null;
  const parts = path.split('/');
  for (const p of parts) {
    if (p.length === 0 || p.length > MAX_NAME || p === '.' || p === '..') return null;
    // eslint-disable-next-line no-control-regex
    if (/[\\\u0000-\u001f\u007f]/.test(p)) return null;
  }
  return parts;
}

/** Writes a backed-up folder's files into `target` (existing files of the same path replaced).
 * Every row is checked first: one bad name or body refuses the whole folder ('damaged') before
 * anything is written. */
export async function restoreExtraFolder(staged: StagedBackup, label: string, target: DirectoryHandleLike): Promise<number> {
  const rows = staged.dataSets[FILES_SET]?.[label];
  if (!rows) throw new BackupError('missing-piece', label);
  const files: { parts: string[]; path: string; bytes: Uint8Array }[] = [];
  for (const row of rows) {
    const doc = row as Partial<FileDoc> | null;
    const parts = safePathParts(doc?.path);
    if (!parts || typeof doc?.base64 !== 'string') throw new BackupError('damaged', `file name in ${label}`);
    let bytes: Uint8Array;
    try {
      bytes = fromBase64(doc.base64);
    } catch {
      throw new BackupError('damaged', `file content in ${label}`);
    }
    files.push({ parts, path: doc.path as string, bytes });
  }
  for (const f of files) {
    const parts = [...f.parts];
    const name = parts.pop() ?? '';
    try {
      let dir = target;
      for (const p of parts) dir = await dir.getDirectoryHandle(p, { create: true });
      const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await w.write(f.bytes as Uint8Array<ArrayBuffer>);
      await w.close();
    } catch (e) {
      throw translate(e, f.path);
    }
  }
  return files.length;
}
