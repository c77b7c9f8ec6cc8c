// The wizard's single file (.posbackup): the repository tree in one uncompressed ZIP, written
// canonically (fixed date, no extras, no comment). The reader re-encodes what it parsed and
// requires the same bytes, so any truncation or flipped byte anywhere is refused as 'damaged'.
import { BackupError, type BackupReader, type FileInfo } from './types';
import { fromUtf8, utf8 } from './bytes';
import { PATHS, ROOT } from './schema';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const DOS_DATE_2000_01_01 = ((2000 - 1980) << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x0800;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8)) >>> 0;
  return (c ^ 0xffffffff) >>> 0;
}

/** An entry's place in the file: its name, CRC-32 and size (stored: uncompressed = compressed). */
interface EntryMeta {
  name: Uint8Array;
  crc: number;
  size: number;
  /** Offset of its local header. */
  offset: number;
}

function localHeader(m: Omit<EntryMeta, 'offset'>): Uint8Array {
  const out = new Uint8Array(30 + m.name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, UTF8_FLAG, true);
  // method 0 (stored) and time 0 at 8 and 10
  v.setUint16(12, DOS_DATE_2000_01_01, true);
  v.setUint32(14, m.crc, true);
  v.setUint32(18, m.size, true);
  v.setUint32(22, m.size, true);
  v.setUint16(26, m.name.length, true);
  out.set(m.name, 30);
  return out;
}

/** The central directory and end record, for entries whose data ends at `cdStart`. */
function centralDirectory(metas: readonly EntryMeta[], cdStart: number): Uint8Array {
  const out = new Uint8Array(metas.reduce((n, m) => n + 46 + m.name.length, 0) + 22);
  const v = new DataView(out.buffer);
  let at = 0;
  for (const m of metas) {
    v.setUint32(at, 0x02014b50, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, 20, true);
    v.setUint16(at + 8, UTF8_FLAG, true);
    v.setUint16(at + 10, 0, true);
    v.setUint16(at + 12, 0, true);
    v.setUint16(at + 14, DOS_DATE_2000_01_01, true);
    v.setUint32(at + 16, m.crc, true);
    v.setUint32(at + 20, m.size, true);
    v.setUint32(at + 24, m.size, true);
    v.setUint16(at + 28, m.name.length, true);
    // extra length, comment length, disk, internal and external attributes stay 0
    v.setUint32(at + 42, m.offset, true);
    out.set(m.name, at + 46);
    at += 46 + m.name.length;
  }
  v.setUint32(at, 0x06054b50, true);
  v.setUint16(at + 8, metas.length, true);
  v.setUint16(at + 10, metas.length, true);
  v.setUint32(at + 12, at, true);
  v.setUint32(at + 16, cdStart, true);
  return out;
}

/**
 * Writes the canonical ZIP of `entries` chunk by chunk (each entry's local header, its data as
 * given, then the central directory): the file is never held whole. `entries` may be produced
 * lazily, so a caller can drop each repository's files once they are written.
 */
export async function writeZipStream(
  entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>,
  write: (chunk: Uint8Array) => void | Promise<void>,
): Promise<number> {
  const metas: EntryMeta[] = [];
  let at = 0;
  for await (const e of entries) {
    const m = { name: utf8(e.name), crc: crc32(e.data), size: e.data.length, offset: at };
    if (metas.length >= 0xffff || at + 30 + m.name.length + m.size > 0xffffffff) throw new BackupError('io', 'zip too large');
    metas.push(m);
    await write(localHeader(m));
    await write(e.data);
    at += 30 + m.name.length + m.size;
  }
  const cd = centralDirectory(metas, at);
  if (at + cd.length > 0xffffffff) throw new BackupError('io', 'zip too large');
  await write(cd);
  return at + cd.length;
}

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => utf8(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((n, nm) => n + 46 + nm.length, 0);
  if (entries.length > 0xffff || localSize + centralSize > 0xffffffff) throw new BackupError('io', 'zip too large');
  const out = new Uint8Array(localSize + centralSize + 22);
  let at = 0;
  const metas = entries.map((e, i) => {
    const m = { name: names[i]!, crc: crc32(e.data), size: e.data.length, offset: at };
    out.set(localHeader(m), at);
    out.set(e.data, at + 30 + m.name.length);
    at += 30 + m.name.length + m.size;
    return m;
  });
  out.set(centralDirectory(metas, at), at);
  return out;
}

/** Random access to a .posbackup's bytes: a File/Blob (read slice by slice) or bytes in memory. */
export interface ZipSource {
  size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ZipSource {
  return { size: bytes.length, read: async (offset, length) => bytes.subarray(offset, offset + length) };
}

export function blobSource(blob: Blob): ZipSource {
  return { size: blob.size, read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()) };
}

/** An entry found by openZip: where its data lies and its CRC. */
export interface ZipIndexEntry {
  name: string;
  dataOffset: number;
  size: number;
  crc: number;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Indexes a .posbackup without loading it: the end record and central directory are read, every
 * header must be the canonical one writeZip writes for those entries (same bytes), the entries
 * must tile the file exactly, and each entry's data must match its CRC — read one entry at a
 * time. So, as with readZip, any truncation or flipped byte is refused as 'damaged', and the
 * files of older exports (the same canonical format) open unchanged.
 */
export async function openZip(src: ZipSource): Promise<ZipIndexEntry[]> {
  try {
    if (src.size < 22) throw new Error('too short');
    const end = await src.read(src.size - 22, 22);
    const ev = new DataView(end.buffer, end.byteOffset, end.byteLength);
    if (ev.getUint32(0, true) !== 0x06054b50) throw new Error('no end record');
    const count = ev.getUint16(10, true);
    const cdSize = ev.getUint32(12, true);
    const cdStart = ev.getUint32(16, true);
    if (cdStart + cdSize + 22 !== src.size) throw new Error('central directory out of place');
    const cd = await src.read(cdStart, cdSize + 22);
    const v = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
    const metas: EntryMeta[] = [];
    let at = 0;
    let offset = 0;
    for (let i = 0; i < count; i++) {
      if (at + 46 > cdSize || v.getUint32(at, true) !== 0x02014b50) throw new Error('bad central entry');
      const nameLen = v.getUint16(at + 28, true);
      const m = { name: cd.slice(at + 46, at + 46 + nameLen), crc: v.getUint32(at + 16, true), size: v.getUint32(at + 20, true), offset };
      metas.push(m);
      offset += 30 + nameLen + m.size;
      at += 46 + nameLen;
    }
    if (offset !== cdStart || !sameBytes(centralDirectory(metas, offset), cd)) throw new Error('not canonical');
    const index: ZipIndexEntry[] = [];
    for (const m of metas) {
      const header = localHeader(m);
      if (!sameBytes(await src.read(m.offset, header.length), header)) throw new Error('bad local header');
      const entry = { name: fromUtf8(m.name), dataOffset: m.offset + header.length, size: m.size, crc: m.crc };
      if (crc32(await src.read(entry.dataOffset, entry.size)) !== entry.crc) throw new Error(`crc mismatch: ${entry.name}`);
      index.push(entry);
    }
    return index;
  } catch (e) {
    throw new BackupError('damaged', `zip: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A repository view over an indexed .posbackup: each file is read from the source when asked
 * (and its CRC checked again: a File can change under the reader). */
export function indexReader(src: ZipSource, index: readonly ZipIndexEntry[], root: string = ROOT): BackupReader {
  const files = new Map(index.map((e) => [e.name, e]));
  const prefix = `${root}/`;
  return {
    read: async (path) => {
      const e = files.get(prefix + path);
      if (!e) return null;
      const data = await src.read(e.dataOffset, e.size);
      if (data.length !== e.size || crc32(data) !== e.crc) throw new BackupError('damaged', `zip: ${e.name} changed`);
      return data;
    },
    list: async (dir) => {
      const base = prefix + (dir ? `${dir}/` : '');
      const out: FileInfo[] = [];
      for (const [name, e] of files) {
        const rest = name.startsWith(base) ? name.slice(base.length) : null;
        if (rest && !rest.includes('/')) out.push({ name: rest, size: e.size });
      }
      return out;
    },
  };
}

export function readZip(bytes: Uint8Array): ZipEntry[] {
  try {
    const entries = parse(bytes);
    const again = writeZip(entries);
    if (again.length !== bytes.length || again.some((b, i) => b !== bytes[i])) throw new Error('not canonical');
    return entries;
  } catch (e) {
    throw new BackupError('damaged', `zip: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parse(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22) throw new Error('too short');
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  if (v.getUint32(end, true) !== 0x06054b50) throw new Error('no end record');
  const count = v.getUint16(end + 10, true);
  let at = v.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || v.getUint32(at, true) !== 0x02014b50) throw new Error('bad central entry');
    const size = v.getUint32(at + 20, true);
    const nameLen = v.getUint16(at + 28, true);
    const local = v.getUint32(at + 42, true);
    const name = fromUtf8(bytes.subarray(at + 46, at + 46 + nameLen));
    const dataAt = local + 30 + nameLen;
    if (dataAt + size > end) throw new Error('entry out of range');
    entries.push({ name, data: bytes.subarray(dataAt, dataAt + size) });
    at += 46 + nameLen;
  }
  return entries;
}

/** A read-only repository view over a .posbackup file. */
export function zipReader(bytes: Uint8Array, root: string = ROOT): BackupReader {
  return entriesReader(readZip(bytes), root);
}

/** The repository roots inside a .posbackup (one per exported organization). */
export function repositoriesInZip(entries: readonly { name: string }[]): string[] {
  const suffix = `/${PATHS.config}`;
  return entries
    .map((e) => e.name)
    .filter((n) => n.endsWith(suffix))
    .map((n) => n.slice(0, -suffix.length))
    .sort();
}

export function entriesReader(entries: readonly ZipEntry[], root: string = ROOT): BackupReader {
  const files = new Map(entries.map((e) => [e.name, e.data]));
  const prefix = `${root}/`;
  return {
    read: async (path) => files.get(prefix + path) ?? null,
    list: async (dir) => {
      const base = prefix + (dir ? `${dir}/` : '');
      const out: FileInfo[] = [];
      for (const [name, data] of files) {
        const rest = name.startsWith(base) ? name.slice(base.length) : null;
        if (rest && !rest.includes('/')) out.push({ name: rest, size: data.length });
      }
      return out;
    },
  };
}

/** A repository's file paths (any reader), in the stable order of its ZIP entries. */
export async function repositoryPaths(r: BackupReader): Promise<string[]> {
  const paths: string[] = [];
  for (const dir of ['', PATHS.manifests, PATHS.packs]) {
    const files = (await r.list(dir)).map((f) => f.name).sort();
    for (const name of files) paths.push(dir ? `${dir}/${name}` : name);
  }
  return paths;
}

/** A repository's files (any reader) as ZIP entries under `root`, in a stable order. */
export async function repositoryEntries(r: BackupReader, root: string = ROOT): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  for (const path of await repositoryPaths(r)) {
    const data = await r.read(path);
    if (!data) throw new BackupError('missing-piece', path);
    entries.push({ name: `${root}/${path}`, data });
  }
  return entries;
}
