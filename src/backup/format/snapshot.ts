// Writes one snapshot to a repository in the crash-safe order: new packs, new manifest, read
// back and verify, HEAD (the commit point), then delete what nothing references. Packs whose
// plaintext the previous HEAD already holds (same dedup tag) are reused, not rewritten.
import { COMMIT_STEPS, BackupError, type BackupDestination, type CommitStep, type Faults, type OnProgress } from './types';
import { hmacHex, hmacKey, sha256Hex, utf8 } from './bytes';
import { cutPacks, type Chunk, type Doc } from './chunker';
import { createPool } from './pool';
import type { CompressionLevel, PackCodec } from './codec';
import {
  FORMAT_NAME, FORMAT_VERSION, PATHS, headSchema, jsonBytes, manifestPath, packPath, parseJsonFile,
  type BackupConfig, type Head, type Manifest, type PackEntry, type PackRef,
} from './schema';

/** A pack of the previous snapshot with its dedup tag, as the till remembers it per medium. */
export interface LayoutPack extends PackEntry {
  tag: string;
  /** Plaintext bytes (for the run's statistics). */
  raw: number;
}

/** Part of a table in key order: documents to cut, or previous packs reused as they are. */
export type Segment = { docs: Doc[] } | { reuse: LayoutPack[] };

export interface TableInput {
  set: string;
  table: string;
  /** Sorted by key. Ignored when `segments` is given. */
  docs: Doc[];
  /** Incremental run: key-ordered segments whose cuts equal a full cut of the whole table. */
  segments?: Segment[];
}

/** A reused pack is no longer on the medium under HEAD: the caller redoes the run with full reads. */
export class StaleLayoutError extends Error {
  readonly code = 'stale-layout';
}

export const tableRows = (t: TableInput): number =>
  t.segments ? t.segments.reduce((n, s) => n + ('docs' in s ? s.docs.length : s.reuse.reduce((a, p) => a + p.rows, 0)), 0) : t.docs.length;

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
  /** Files written (and read back) at once; default 6. */
  parallel?: number;
  /** Reused packs hashed per run to catch rot on the medium; default 16. */
  checkReused?: number;
}

export interface SnapshotStats {
  head: Head;
  packsWritten: number;
  packsReused: number;
  bytesWritten: number;
  totalBytes: number;
  rawBytes: number;
  removed: number;
  /** Every table's packs with tags, keyed "set/table", for the next incremental run. */
  layout: Record<string, LayoutPack[]>;
}

async function step(faults: Faults | undefined, s: CommitStep): Promise<void> {
  await faults?.after?.(s);
}

/** The manifest name the medium's HEAD points at, or null (no or unreadable HEAD). */
export async function currentHeadManifest(dest: BackupDestination): Promise<string | null> {
  const bytes = await dest.read(PATHS.head);
  if (!bytes) return null;
  try {
    return parseJsonFile(bytes, headSchema, 'HEAD').manifest.name;
  } catch {
    return null;
  }
}

/** The previous HEAD's packs by dedup tag, when HEAD is readable; a damaged HEAD reuses nothing. */
async function previousPacks(dest: BackupDestination, sampleSize: number): Promise<Map<string, PackRef>> {
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
  await dropRotten(dest, byTag, sampleSize);
  return byTag;
}

/**
 * Reused packs are not re-read each run, so a few random ones are hashed: a pack that rotted
 * on the medium (same size, other bytes) is left out of reuse and written again.
 */
async function dropRotten(dest: BackupDestination, byTag: Map<string, PackRef>, sampleSize: number): Promise<void> {
  const refs = [...byTag.values()];
  // Few packs: hash them all rather than leave one to the luck of the draw.
  const picks = new Set<PackRef>(refs.length <= sampleSize ? refs : []);
  const random = crypto.getRandomValues(new Uint32Array(Math.min(sampleSize, refs.length) * 2));
  for (const r of random) {
    if (picks.size >= sampleSize) break;
    const ref = refs[r % refs.length];
    if (ref) picks.add(ref);
  }
  for (const ref of picks) {
    const bytes = await dest.read(packPath(ref[0]));
    if (!bytes || (await sha256Hex(bytes)) !== ref[0]) byTag.delete(ref[2]);
  }
}

async function mapInBatches<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

interface PacksResult {
  dataSets: Manifest['dataSets'];
  /** One per pack in manifest order (reused or new). */
  refs: PackRef[];
  written: PackRef[];
  rawBytes: number;
  layout: Record<string, LayoutPack[]>;
}

type Item = { chunk: Chunk } | { reuse: LayoutPack };

function itemsOf(t: TableInput, chunker: BackupConfig['chunker']): Item[] {
  if (!t.segments) return cutPacks(t.docs, { ...chunker }).map((chunk) => ({ chunk }));
  return t.segments.flatMap((s): Item[] => ('docs' in s ? cutPacks(s.docs, { ...chunker }).map((chunk) => ({ chunk })) : s.reuse.map((reuse) => ({ reuse }))));
}

/** Step 1: cut, tag, and seal+write the packs the previous HEAD does not already hold. */
async function writePacks(dest: BackupDestination, config: BackupConfig, tables: TableInput[], ctx: SnapshotContext): Promise<PacksResult> {
  const recipient = config.encryption === 'none' ? null : config.recipient;
  const tagKey = await hmacKey(ctx.dedupSecret);
  const previous = await previousPacks(dest, ctx.checkReused ?? 16);
  const chunks = tables.map((t) => ({ t, items: itemsOf(t, config.chunker) }));
  for (const { items } of chunks) {
    for (const it of items) if ('reuse' in it && previous.get(it.reuse.tag)?.[0] !== it.reuse.name) throw new StaleLayoutError(it.reuse.name);
  }
  const total = chunks.reduce((n, c) => n + c.items.length, 0);
  const layout: Record<string, LayoutPack[]> = {};
  const written: PackRef[] = [];
  const dataSets: Manifest['dataSets'] = {};
  const tagged: { entry: PackEntry; tag: string; raw: number; key?: string }[] = [];
  const inRun = new Map<string, PackRef>();
  const pool = createPool(ctx.parallel ?? 6);
  let done = 0;
  let rawBytes = 0;
  for (const { t, items } of chunks) {
    const entries: PackEntry[] = [];
    const list = items.flatMap((it) => ('chunk' in it ? [it.chunk] : []));
    // WebCrypto calls are cheap but each has a round-trip; overlap them instead of awaiting one by one.
    const hashes = await mapInBatches(list, 32, async (c) => {
      const plainSha256 = await sha256Hex(c.plain);
      return { plainSha256, tag: await hmacHex(tagKey, utf8(`${t.set}/${t.table}/${ctx.level}/${plainSha256}`)) };
    });
    let i = -1;
    for (const it of items) {
      if ('reuse' in it) {
        const r = it.reuse;
        // Same fields in the same order as a fresh entry: the manifest must not differ from a full run's.
        const entry: PackEntry = { name: r.name, size: r.size, plainSha256: r.plainSha256, rows: r.rows, first: r.first, last: r.last };
        entries.push(entry);
        tagged.push({ entry, tag: r.tag, raw: r.raw });
        rawBytes += r.raw;
        ctx.onProgress?.({ phase: 'pack', done: ++done, total, bytes: rawBytes });
        continue;
      }
      const c = it.chunk;
      i++;
      rawBytes += c.plain.length;
      const { plainSha256, tag } = hashes[i]!;
      const entry: PackEntry = { name: '', size: 0, plainSha256, rows: c.rows, first: c.first, last: c.last };
      entries.push(entry);
      tagged.push({ entry, tag, raw: c.plain.length });
      const bytesSoFar = rawBytes;
      const report = () => ctx.onProgress?.({ phase: 'pack', done: ++done, total, bytes: bytesSoFar });
      if (previous.has(tag) || inRun.has(tag)) {
        report();
        continue;
      }
      inRun.set(tag, ['', 0, tag]);
      await pool.run(async () => {
        const sealed = await ctx.codec.seal(c.plain, ctx.level, recipient);
        const ref: PackRef = [await sha256Hex(sealed), sealed.length, tag];
        await dest.write(packPath(ref[0]), sealed);
        inRun.set(tag, ref);
        written.push(ref);
        report();
      });
    }
    (dataSets[t.set] ??= { tables: {} }).tables[t.table] = { rows: tableRows(t), packs: entries };
    for (const x of tagged.slice(tagged.length - entries.length)) x.key = `${t.set}/${t.table}`;
    layout[`${t.set}/${t.table}`] = [];
  }
  await pool.drain();
  const refs = tagged.map(({ entry, tag }) => {
    const ref = previous.get(tag) ?? inRun.get(tag);
    if (!ref || !ref[0]) throw new BackupError('io', 'pack not written');
    entry.name = ref[0];
    entry.size = ref[1];
    return ref;
  });
  for (const { entry, tag, raw, key } of tagged) layout[key!]!.push({ ...entry, tag, raw });
  return { dataSets, refs, written, rawBytes, layout };
}

export async function writeSnapshot(
  dest: BackupDestination,
  config: BackupConfig,
  tables: TableInput[],
  meta: SnapshotMeta,
  ctx: SnapshotContext,
): Promise<SnapshotStats> {
  const recipient = config.encryption === 'none' ? null : config.recipient;
  const { dataSets, refs, written, rawBytes, layout } = await writePacks(dest, config, tables, ctx);
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
  return { head, packsWritten: written.length, packsReused: refs.length - written.length, bytesWritten, totalBytes, rawBytes, removed, layout };
}

/** New files are read back and hashed; reused ones must still be listed with their size. */
async function readBack(dest: BackupDestination, fresh: PackRef[], all: PackRef[], onProgress?: OnProgress): Promise<void> {
  const manifestRef = fresh[0];
  const pool = createPool(6);
  let done = 0;
  for (const ref of fresh) {
    const path = ref === manifestRef ? manifestPath(ref[0]) : packPath(ref[0]);
    await pool.run(async () => {
      const bytes = await dest.read(path);
      if (!bytes || bytes.length !== ref[1] || (await sha256Hex(bytes)) !== ref[0]) throw new BackupError('io', `read-back ${path}`);
      onProgress?.({ phase: 'verify', done: ++done, total: fresh.length });
    });
  }
  await pool.drain();
  // Reused packs were listed with their sizes when the run started; check they are still named.
  const present = new Set(await namesIn(dest, PATHS.packs));
  for (const ref of all) if (!present.has(ref[0])) throw new BackupError('io', `missing ${ref[0]}`);
}

const namesIn = async (dest: BackupDestination, dir: string): Promise<string[]> =>
  dest.names ? dest.names(dir) : (await dest.list(dir)).map((f) => f.name);

/** Deletes packs and manifests HEAD does not reference (also leftovers of crashed runs). */
export async function collectGarbage(dest: BackupDestination, head: Head): Promise<number> {
  const keepPacks = new Set(head.packs.map((r) => r[0]));
  const doomed = [
    ...(await namesIn(dest, PATHS.packs)).filter((n) => !keepPacks.has(n)).map(packPath),
    ...(await namesIn(dest, PATHS.manifests)).filter((n) => n !== head.manifest.name).map(manifestPath),
  ];
  const pool = createPool(6);
  for (const path of doomed) await pool.run(() => dest.remove(path));
  await pool.drain();
  return doomed.length;
}

export { COMMIT_STEPS };
