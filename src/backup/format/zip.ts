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

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const names = entries.map((e) => utf8(e.name));
  const crcs = entries.map((e) => crc32(e.data));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.data.length, 0);
  const centralSize = names.reduce((n, nm) => n + 46 + nm.length, 0);
  if (entries.length > 0xffff || localSize + centralSize > 0xffffffff) throw new BackupError('io', 'zip too large');
  const out = new Uint8Array(localSize + centralSize + 22);
  const v = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((e, i) => {
    const nm = names[i]!;
    offsets.push(at);
    v.setUint32(at, 0x04034b50, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, UTF8_FLAG, true);
    v.setUint16(at + 8, 0, true);
    v.setUint16(at + 10, 0, true);
    v.setUint16(at + 12, DOS_DATE_2000_01_01, true);
    v.setUint32(at + 14, crcs[i]!, true);
    v.setUint32(at + 18, e.data.length, true);
    v.setUint32(at + 22, e.data.length, true);
    v.setUint16(at + 26, nm.length, true);
    v.setUint16(at + 28, 0, true);
    out.set(nm, at + 30);
    out.set(e.data, at + 30 + nm.length);
    at += 30 + nm.length + e.data.length;
  });
  const cdStart = at;
  entries.forEach((e, i) => {
    const nm = names[i]!;
    v.setUint32(at, 0x02014b50, true);
    v.setUint16(at + 4, 20, true);
    v.setUint16(at + 6, 20, true);
    v.setUint16(at + 8, UTF8_FLAG, true);
    v.setUint16(at + 10, 0, true);
    v.setUint16(at + 12, 0, true);
    v.setUint16(at + 14, DOS_DATE_2000_01_01, true);
    v.setUint32(at + 16, crcs[i]!, true);
    v.setUint32(at + 20, e.data.length, true);
    v.setUint32(at + 24, e.data.length, true);
    v.setUint16(at + 28, nm.length, true);
    // extra length, comment length, disk, internal and external attributes stay 0
    v.setUint32(at + 42, offsets[i]!, true);
    out.set(nm, at + 46);
    at += 46 + nm.length;
  });
  v.setUint32(at, 0x06054b50, true);
  v.setUint16(at + 8, entries.length, true);
  v.setUint16(at + 10, entries.length, true);
  v.setUint32(at + 12, at - cdStart, true);
  v.setUint32(at + 16, cdStart, true);
  return out;
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
export function repositoriesInZip(entries: readonly ZipEntry[]): string[] {
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

/** A repository's files (any reader) as ZIP entries under `root`, in a stable order. */
export async function repositoryEntries(r: BackupReader, root: string = ROOT): Promise<ZipEntry[]> {
  const entries: ZipEntry[] = [];
  for (const dir of ['', PATHS.manifests, PATHS.packs]) {
    const files = (await r.list(dir)).map((f) => f.name).sort();
    for (const name of files) {
      const path = dir ? `${dir}/${name}` : name;
      const data = await r.read(path);
      if (!data) throw new BackupError('missing-piece', path);
      entries.push({ name: `${root}/${path}`, data });
    }
  }
  return entries;
}
