// Reads a repository through the BackupReader interface (folder, ZIP, back office): version
// checks, key unlock, manifest, quick and deep verify, and staging every row for restore.
// Every failure is a BackupError with a fixed reason; nothing here writes anywhere.
import { BackupError, type BackupReader, type OnProgress } from './types';
import { fromUtf8, sha256Hex } from './bytes';
import { parsePack } from './chunker';
import { createPool } from './pool';
import { RECOVERY_KEY_PREFIX, recipientOf, type PackCodec } from './codec';
import {
  PATHS, configSchema, headSchema, manifestPath, manifestSchema, packPath, parseJsonFile, tooDeep,
  type BackupConfig, type Head, type Manifest,
} from './schema';

export async function readConfig(r: BackupReader): Promise<BackupConfig> {
  const bytes = await r.read(PATHS.config);
  if (!bytes) throw new BackupError('no-backup', PATHS.config);
  return parseJsonFile(bytes, configSchema, PATHS.config);
}

export async function readHead(r: BackupReader): Promise<Head> {
  const bytes = await r.read(PATHS.head);
  if (!bytes) throw new BackupError('no-backup', PATHS.head);
  return parseJsonFile(bytes, headSchema, PATHS.head);
}

async function readExact(r: BackupReader, path: string, size: number, sha256: string): Promise<Uint8Array> {
  const bytes = await r.read(path);
  if (!bytes) throw new BackupError('missing-piece', path);
  if (bytes.length !== size || (await sha256Hex(bytes)) !== sha256) throw new BackupError('damaged', path);
  return bytes;
}

/** The set's identity from the password or the recovery key; null for unencrypted sets. */
export async function unlockSet(r: BackupReader, config: BackupConfig, secret: string, codec: PackCodec): Promise<string | null> {
  if (config.encryption === 'none') return null;
  if (!config.keyFile || !config.recipient) throw new BackupError('damaged', 'key reference');
  const text = secret.trim();
  if (text.startsWith(RECOVERY_KEY_PREFIX)) {
    if ((await recipientOf(text)) !== config.recipient) throw new BackupError('wrong-password');
    return text;
  }
  const keyAge = await readExact(r, PATHS.key, config.keyFile.size, config.keyFile.sha256);
  const identity = await codec.unlock(keyAge, secret);
  if (!identity) throw new BackupError('wrong-password');
  if ((await recipientOf(identity)) !== config.recipient) throw new BackupError('damaged', 'key does not match set');
  return identity;
}

/** Largest manifest plaintext opened (its JSON lists every pack of every table). */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** Largest pack plaintext opened for a data set of database rows: a pack holds at most
 * `chunker.maxBytes` (4 MiB) unless one row alone is bigger; the bound leaves room for that and
 * stops a decompression bomb long before it fills memory. */
const MIN_PACK_BOUND = 32 * 1024 * 1024;
/** Packs of disk files (extra folders) may hold one big file (base64) each. */
const FILES_PACK_BOUND = 256 * 1024 * 1024;

export function packBound(config: BackupConfig, set: string): number {
  if (set === 'files') return FILES_PACK_BOUND;
  return Math.min(FILES_PACK_BOUND, Math.max(MIN_PACK_BOUND, 4 * config.chunker.maxBytes));
}

export async function readManifest(r: BackupReader, head: Head, identity: string | null, codec: PackCodec): Promise<Manifest> {
  const sealed = await readExact(r, manifestPath(head.manifest.name), head.manifest.size, head.manifest.name);
  const manifest = parseJsonFile(await codec.open(sealed, identity, MAX_MANIFEST_BYTES), manifestSchema, 'manifest');
  if (manifest.snapshotId !== head.snapshotId) throw new BackupError('damaged', 'manifest does not match HEAD');
  return manifest;
}

export interface QuickReport {
  config: BackupConfig;
  head: Head;
  packs: number;
  bytes: number;
}

/** Quick verify: every piece HEAD names is present with its size and hash. No password needed. */
export async function verifyQuick(r: BackupReader, onProgress?: OnProgress): Promise<QuickReport> {
  const config = await readConfig(r);
  const head = await readHead(r);
  if (config.keyFile) await readExact(r, PATHS.key, config.keyFile.size, config.keyFile.sha256);
  await readExact(r, manifestPath(head.manifest.name), head.manifest.size, head.manifest.name);
  let bytes = head.manifest.size;
  let done = 0;
  for (const [name, size] of head.packs) {
    await readExact(r, packPath(name), size, name);
    bytes += size;
    onProgress?.({ phase: 'verify', done: ++done, total: head.packs.length });
  }
  return { config, head, packs: head.packs.length, bytes };
}

export interface StagedBackup {
  config: BackupConfig;
  manifest: Manifest;
  /** Rows per table, grouped by data set, in key order. */
  dataSets: Record<string, Record<string, unknown[]>>;
  rawBytes: number;
}

/**
 * Deep verify and restore staging in one pass: decrypt, decompress, hash-check and parse every
 * pack into memory. Nothing is written; the caller commits the staged rows in one transaction.
 */
export async function stageBackup(r: BackupReader, secret: string, codec: PackCodec, onProgress?: OnProgress): Promise<StagedBackup> {
  const config = await readConfig(r);
  const head = await readHead(r);
  const identity = await unlockSet(r, config, secret, codec);
  const manifest = await readManifest(r, head, identity, codec);
  // BACKUP.json and HEAD are plaintext (readable without the password); what they share with
  // the encrypted manifest must agree, so a flipped byte in them cannot pass unnoticed.
  if (manifest.setId !== config.setId) throw new BackupError('damaged', 'manifest of another set');
  if (manifest.createdAt !== head.createdAt) throw new BackupError('damaged', 'manifest does not match HEAD');
  const listed = new Set(head.packs.map((p) => p[0]));
  const entries = Object.entries(manifest.dataSets).flatMap(([set, s]) => Object.values(s.tables).flatMap((t) => t.packs.map((p) => ({ ...p, bound: packBound(config, set) }))));
  // A pack may hold several entries' pieces (format 2): each pack is opened, checked and parsed once.
  const packs = new Map<string, { size: number; plainSha256: string; bound: number }>();
  for (const p of entries) {
    if (!listed.has(p.name)) throw new BackupError('damaged', `pack not in HEAD ${p.name}`);
    const seen = packs.get(p.name);
    if (seen && (seen.size !== p.size || seen.plainSha256 !== p.plainSha256)) throw new BackupError('damaged', `pack entries disagree ${p.name}`);
    packs.set(p.name, { size: p.size, plainSha256: p.plainSha256, bound: Math.max(seen?.bound ?? 0, p.bound) });
  }
  const opened = new Map<string, unknown[]>();
  let done = 0;
  let rawBytes = 0;
  // Packs are fetched and opened a few at a time (media latency).
  const pool = createPool(4);
  for (const [name, p] of packs) {
    await pool.run(async () => {
      const plain = await codec.open(await readExact(r, packPath(name), p.size, name), identity, p.bound);
      if ((await sha256Hex(plain)) !== p.plainSha256) throw new BackupError('damaged', `pack content ${name}`);
      opened.set(name, parseOrDamaged(plain));
      rawBytes += plain.length;
      onProgress?.({ phase: 'stage', done: ++done, total: packs.size, bytes: rawBytes });
    });
  }
  await pool.drain();
  const dataSets: StagedBackup['dataSets'] = {};
  for (const [setName, set] of Object.entries(manifest.dataSets)) {
    for (const [tableName, table] of Object.entries(set.tables)) {
      const rows: unknown[] = [];
      for (const p of table.packs) {
        const docs = opened.get(p.name)!;
        const skip = p.skip ?? 0;
        if (skip + p.rows > docs.length) throw new BackupError('damaged', `pack rows ${p.name}`);
        for (let i = skip; i < skip + p.rows; i++) rows.push(docs[i]);
      }
      if (rows.length !== table.rows) throw new BackupError('damaged', `table rows ${tableName}`);
      (dataSets[setName] ??= {})[tableName] = rows;
    }
  }
  return { config, manifest, dataSets, rawBytes };
}

function parseOrDamaged(plain: Uint8Array): unknown[] {
  try {
    const text = fromUtf8(plain);
    // Rows nested deeper than any table's are damage; restoring them would overflow the stack.
    if (tooDeep(text)) throw new BackupError('damaged', 'pack nesting');
    return parsePack(text);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError('damaged', 'pack is not NDJSON');
  }
}
