// Writes one snapshot to a repository in the crash-safe order: new packs, new manifest, read
// back and verify, HEAD (the commit point), then delete what nothing references. Packs whose
// plaintext the previous HEAD already holds (same dedup tag) are reused, not rewritten.
import { COMMIT_STEPS, BackupError, type BackupDestination, type CommitStep, type Faults, type OnProgress } from './types';
import { hmacHex, hmacKey, sha256Hex, utf8 } from './bytes';
import { cutPacks, type Doc } from './chunker';
import type { CompressionLevel, PackCodec } from './codec';
import {
  FORMAT_NAME, FORMAT_VERSION, PATHS, headSchema, jsonBytes, manifestPath, packPath, parseJsonFile,
  type BackupConfig, type Head, type Manifest, type PackEntry, type PackRef,
} from './schema';

export interface TableInput {
  set: string;
  table: string;
  /** Sorted by key. */
  docs: Doc[];
}

export interface SnapshotMeta {
  snapshotId: string;
  createdAt: string;
  description: string;
  organization: { id: string; name: string };
  stores: { id: string; name: string }[];
  includeIndexes: boolean;
  schemaVersion: number;
}

export interface SnapshotContext {
  codec: PackCodec;
  level: CompressionLevel;
  /** Hex secret kept by the till; tags let a run find unchanged packs without the password. */
  dedupSecret: string;
  faults?: Faults;
  onProgress?: OnProgress;
}

export interface SnapshotStats {
  head: Head;
  packsWritten: number;
  packsReused: number;
  bytesWritten: number;
  totalBytes: number;
  rawBytes: number;
  removed: number;
}

async function step(faults: Faults | undefined, s: CommitStep): Promise<void> {
  await faults?.after?.(s);
}

/** The previous HEAD's packs by dedup tag, when HEAD is readable; a damaged HEAD reuses nothing. */
async function previousPacks(dest: BackupDestination): Promise<Map<string, PackRef>> {
  const byTag = new Map<string, PackRef>();
  const bytes = await dest.read(PATHS.head);
  if (!bytes) return byTag;
  let head: Head;
  try {
    head = parseJsonFile(bytes, headSchema, 'HEAD');
  } catch {
    return byTag;
  }
  const present = new Map((await dest.list(PATHS.packs)).map((f) => [f.name, f.size]));
  for (const ref of head.packs) if (present.get(ref[0]) === ref[1]) byTag.set(ref[2], ref);
  return byTag;
}

export async function writeSnapshot(
  dest: BackupDestination,
  config: BackupConfig,
  tables: TableInput[],
  meta: SnapshotMeta,
  ctx: SnapshotContext,
): Promise<SnapshotStats> {
  const recipient = config.encryption === 'none' ? null : config.recipient;
  const tagKey = await hmacKey(ctx.dedupSecret);
  const previous = await previousPacks(dest);
  const chunks = tables.map((t) => ({ t, chunks: cutPacks(t.docs, { ...config.chunker }) }));
  const total = chunks.reduce((n, c) => n + c.chunks.length, 0);
  const refs: PackRef[] = [];
  const written: PackRef[] = [];
  const dataSets: Manifest['dataSets'] = {};
  let done = 0;
  let rawBytes = 0;
  for (const { t, chunks: list } of chunks) {
    const entries: PackEntry[] = [];
    for (const c of list) {
      rawBytes += c.plain.length;
      const plainSha256 = await sha256Hex(c.plain);
      const tag = await hmacHex(tagKey, utf8(`${t.set}/${t.table}/${ctx.level}/${plainSha256}`));
      let ref = previous.get(tag);
      if (!ref) {
        const sealed = await ctx.codec.seal(c.plain, ctx.level, recipient);
        ref = [await sha256Hex(sealed), sealed.length, tag];
        await dest.write(packPath(ref[0]), sealed);
        written.push(ref);
        previous.set(tag, ref);
      }
      refs.push(ref);
      entries.push({ name: ref[0], size: ref[1], plainSha256, rows: c.rows, first: c.first, last: c.last });
      ctx.onProgress?.({ phase: 'pack', done: ++done, total, bytes: rawBytes });
    }
    const set = (dataSets[t.set] ??= { tables: {} });
    set.tables[t.table] = { rows: t.docs.length, packs: entries };
  }
  await step(ctx.faults, 'packs-written');

  const manifest: Manifest = {
    format: `${FORMAT_NAME}-manifest`, formatVersion: FORMAT_VERSION, setId: config.setId,
    ...meta, compressionLevel: ctx.level, dataSets,
  };
  const sealedManifest = await ctx.codec.seal(jsonBytes(manifest), ctx.level, recipient);
  const manifestName = await sha256Hex(sealedManifest);
  await dest.write(manifestPath(manifestName), sealedManifest);
  await step(ctx.faults, 'manifest-written');

  await readBack(dest, [[manifestName, sealedManifest.length, ''], ...written], refs, ctx.onProgress);
  await step(ctx.faults, 'verified');

  const unique = [...new Map(refs.map((r) => [r[0], r])).values()];
  const head: Head = {
    formatVersion: FORMAT_VERSION, snapshotId: meta.snapshotId, createdAt: meta.createdAt,
    manifest: { name: manifestName, size: sealedManifest.length }, packs: unique,
  };
  await dest.write(PATHS.head, jsonBytes(head));
  await step(ctx.faults, 'head-written');

  const removed = await collectGarbage(dest, head);
  await step(ctx.faults, 'gc-done');
  const bytesWritten = written.reduce((n, r) => n + r[1], 0) + sealedManifest.length;
  const totalBytes = unique.reduce((n, r) => n + r[1], 0) + sealedManifest.length;
  return { head, packsWritten: written.length, packsReused: refs.length - written.length, bytesWritten, totalBytes, rawBytes, removed };
}

/** New files are read back and hashed; reused ones must still be listed with their size. */
async function readBack(dest: BackupDestination, fresh: PackRef[], all: PackRef[], onProgress?: OnProgress): Promise<void> {
  const manifestRef = fresh[0];
  let done = 0;
  for (const ref of fresh) {
    const path = ref === manifestRef ? manifestPath(ref[0]) : packPath(ref[0]);
    const bytes = await dest.read(path);
    if (!bytes || bytes.length !== ref[1] || (await sha256Hex(bytes)) !== ref[0]) throw new BackupError('io', `read-back ${path}`);
    onProgress?.({ phase: 'verify', done: ++done, total: fresh.length });
  }
  const present = new Map((await dest.list(PATHS.packs)).map((f) => [f.name, f.size]));
  for (const ref of all) if (present.get(ref[0]) !== ref[1]) throw new BackupError('io', `missing ${ref[0]}`);
}

/** Deletes packs and manifests HEAD does not reference (also leftovers of crashed runs). */
export async function collectGarbage(dest: BackupDestination, head: Head): Promise<number> {
  const keepPacks = new Set(head.packs.map((r) => r[0]));
  let removed = 0;
  for (const f of await dest.list(PATHS.packs)) {
    if (!keepPacks.has(f.name)) {
      await dest.remove(packPath(f.name));
      removed++;
    }
  }
  for (const f of await dest.list(PATHS.manifests)) {
    if (f.name !== head.manifest.name) {
      await dest.remove(manifestPath(f.name));
      removed++;
    }
  }
  return removed;
}

export { COMMIT_STEPS };
