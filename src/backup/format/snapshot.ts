// Writes one snapshot to a repository in the crash-safe order: new packs, new manifest, read
// back and verify, HEAD (the commit point), then delete what nothing references. Packs whose
// plaintext the previous HEAD already holds (same dedup tag) are reused, not rewritten.
import { COMMIT_STEPS, BackupError, type BackupDestination, type CommitStep, type Faults, type OnProgress } from './types';
import { hmacHex, hmacKey, sha256Hex, utf8 } from './bytes';
import { createCutter, createPacker, tableChunker, type Doc } from './chunker';
import { createLimiter, createPool } from './pool';
import type { CompressionLevel, PackCodec } from './codec';
import {
  FORMAT_NAME, FORMAT_VERSION, PATHS, headSchema, jsonBytes, manifestPath, packPath, parseJsonFile,
  type BackupConfig, type Head, type Manifest, type PackEntry, type PackRef,
} from './schema';

/** A piece of the previous snapshot (a manifest entry) with its pack's dedup tag, as the till
 * remembers it per medium. */
export interface LayoutPack extends PackEntry {
  tag: string;
  /** The piece's plaintext bytes (for the run's statistics). */
  raw: number;
  /** Rows of the whole pack holding the piece (absent in layouts of version 1: `rows`). */
  packRows?: number;
}

/** A table held in memory (the export, extra disk folders), its documents sorted by key. */
export interface TableInput {
  set: string;
  table: string;
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
  /** Files written and read back at once; default 8 (a medium's per-file latency dominates). */
  parallel?: number;
  /** Packs handed to the codec at once; default 3 (enough to keep its Workers busy). */
  sealParallel?: number;
  /** Reused packs hashed per run to catch rot on the medium; default 16. */
  checkReused?: number;
  /** Plaintext bytes of packs made but not yet sealed past which the feeder is asked to wait
   * (`SnapshotFeed.room`); default 64 MiB. Reading runs ahead of sealing. */
  maxPendingBytes?: number;
  /** The medium's HEAD as the caller already read it (readPreviousHead); read here when absent. */
  previousHead?: Head | null;
}

export interface SnapshotStats {
  head: Head;
  packsWritten: number;
  packsReused: number;
  bytesWritten: number;
  totalBytes: number;
  rawBytes: number;
  removed: number;
  /** The most plaintext bytes of packs that waited to be sealed at one time. */
  peakPendingBytes: number;
  /** Every table's packs with tags, keyed "set/table", for the next incremental run. */
  layout: Record<string, LayoutPack[]>;
}

async function step(faults: Faults | undefined, s: CommitStep): Promise<void> {
  await faults?.after?.(s);
}

/** The medium's current HEAD, or null when there is none or it is unreadable (nothing reused). */
export async function readPreviousHead(dest: BackupDestination): Promise<Head | null> {
  const bytes = await dest.read(PATHS.head);
  if (!bytes) return null;
  try {
    return parseJsonFile(bytes, headSchema, 'HEAD');
  } catch {
    return null;
  }
}

/** The previous HEAD's packs still on the medium, by dedup tag. */
async function previousPacks(dest: BackupDestination, head: Head | null, sampleSize: number): Promise<Map<string, PackRef>> {
  const byTag = new Map<string, PackRef>();
  if (!head) return byTag;
  // Names are enough where the medium can list them cheaply (a size costs one file open each):
  // files are written whole (swap file, one PUT), and rot of a same-named file is what the
  // random sample below is for.
  if (dest.names) {
    const present = new Set(await dest.names(PATHS.packs));
    for (const ref of head.packs) if (present.has(ref[0])) byTag.set(ref[2], ref);
  } else {
    const present = new Map((await dest.list(PATHS.packs)).map((f) => [f.name, f.size]));
    for (const ref of head.packs) if (present.get(ref[0]) === ref[1]) byTag.set(ref[2], ref);
  }
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

interface PacksResult {
  dataSets: Manifest['dataSets'];
  /** Every pack the manifest names, once each, in manifest order (reused or new). */
  packs: PackRef[];
  written: PackRef[];
  rawBytes: number;
  peakPendingBytes: number;
  layout: Record<string, LayoutPack[]>;
}

/** Where a snapshot's tables go, in manifest order, each fed in key order. */
export interface SnapshotFeed {
  /** Rows the feeder expects to deliver (adds to the progress total); optional. */
  expectRows(n: number): void;
  table(set: string, table: string): TableFeed;
  /** Null while the packs waiting to be sealed fit in `maxPendingBytes`; else a promise that
   * resolves when they fit again (or the run failed). A feeder reading inside a database
   * transaction must keep it alive while it waits. */
  room(): Promise<void> | null;
}

export interface TableFeed {
  /** The next documents in key order; continues the current piece. */
  docs(docs: readonly Doc[]): void;
  /** Ends a run of documents: at the end of an incremental run's dirty range, and of the table. */
  endRun(): void;
  /** The table is complete: its last pack is sealed now (else when the feeder returns). Tables
   * may be fed at the same time; each goes to the manifest in the order `table` was called. */
  end(): void;
  /** Previous packs reused as they are (ends the current run first); each must pass `canReuse`. */
  reuse(packs: readonly LayoutPack[]): void;
}

/**
 * Streams tables into the snapshot while it reads them, so packs are cut, sealed and written
 * while the next rows are still being read. `canReuse` says which previous packs the medium
 * still holds under HEAD: a feeder reads again what it may not reuse.
 */
export type SnapshotFeeder = (feed: SnapshotFeed, canReuse: (p: LayoutPack) => boolean) => Promise<void>;

/** Tables already in memory, fed as they are. */
export function feedTables(tables: readonly TableInput[]): SnapshotFeeder {
  return async (feed) => {
    feed.expectRows(tables.reduce((n, t) => n + t.docs.length, 0));
    for (const t of tables) {
      const tf = feed.table(t.set, t.table);
      tf.docs(t.docs);
      tf.end();
    }
  };
}

type Slot = { entry: PackEntry; tag: string; raw: number; packRows: number };

/** Step 1: cut, tag, and seal+write the packs the previous HEAD does not already hold. */
async function writePacks(dest: BackupDestination, config: BackupConfig, source: SnapshotFeeder, ctx: SnapshotContext): Promise<PacksResult> {
  const recipient = config.encryption === 'none' ? null : config.recipient;
  const tagKey = await hmacKey(ctx.dedupSecret);
  const previous = await previousPacks(dest, ctx.previousHead === undefined ? await readPreviousHead(dest) : ctx.previousHead, ctx.checkReused ?? 16);
  const canReuse = (p: LayoutPack) => previous.get(p.tag)?.[0] === p.name;
  // Sealing (CPU, in the codec's Workers) and writing + reading back (the medium's latency) are
  // limited apart, so slow file writes never leave the Workers idle.
  const sealing = createLimiter(ctx.sealParallel ?? 3);
  const writing = createLimiter(ctx.parallel ?? 8);
  const tables: { set: string; table: string; slots: Slot[]; rows: number }[] = [];
  const tasks: Promise<void>[] = [];
  const inRun = new Map<string, PackRef>();
  const written: PackRef[] = [];
  let failure: { error: unknown } | null = null;
  let rawBytes = 0;
  let rowsDone = 0;
  let expected = 0;
  const report = (rows: number) => {
    rowsDone += rows;
    ctx.onProgress?.({ phase: 'pack', done: rowsDone, total: Math.max(expected, rowsDone), bytes: rawBytes });
  };
  const check = () => {
    if (failure) throw failure.error;
  };

  /** Seals and writes one pack (several pieces of a table), unless the medium holds it already. */
  async function sealPack(set: string, table: string, plain: Uint8Array, slots: Slot[]): Promise<void> {
    const plainSha256 = await sha256Hex(plain);
    const tag = await hmacHex(tagKey, utf8(`${set}/${table}/${ctx.level}/${plainSha256}`));
    for (const slot of slots) {
      slot.tag = tag;
      slot.entry.plainSha256 = plainSha256;
    }
    if (!failure && !previous.has(tag) && !inRun.has(tag)) {
      inRun.set(tag, ['', 0, tag]);
      const sealed = await sealing(async () => (failure ? null : ctx.codec.seal(plain, ctx.level, recipient)));
      if (!sealed) return;
      const ref: PackRef = [await sha256Hex(sealed), sealed.length, tag];
      await writing(async () => {
        if (failure) return;
        const path = packPath(ref[0]);
        await dest.write(path, sealed);
        // Read back at once: the pack is verified before the manifest names it.
        await verifyFile(dest, path, ref);
        inRun.set(tag, ref);
        written.push(ref);
      });
    }
    report(slots[0]?.packRows ?? 0);
  }

  // Packs made but not yet sealed (their plaintext is in memory): the feeder waits past the limit.
  const maxPending = ctx.maxPendingBytes ?? 64 * 1024 * 1024;
  let pendingBytes = 0;
  let peakPendingBytes = 0;
  let roomWaiters: (() => void)[] = [];
  const unpend = (bytes: number) => {
    pendingBytes -= bytes;
    if (pendingBytes > maxPending && !failure) return;
    const waiters = roomWaiters;
    roomWaiters = [];
    for (const w of waiters) w();
  };

  /** Every table's end, called again (harmlessly) when the feeder returns. */
  const ends: (() => void)[] = [];
  const feed: SnapshotFeed = {
    expectRows: (n) => {
      expected += n;
    },
    room: () => (pendingBytes > maxPending && !failure ? new Promise<void>((resolve) => roomWaiters.push(resolve)) : null),
    table(set, table) {
      check();
      const t = { set, table, slots: [] as Slot[], rows: 0 };
      tables.push(t);
      const params = tableChunker(config.chunker, table);
      const packer = createPacker<Slot>(params, (plain, placed) => {
        const packRows = placed.reduce((n, x) => n + x.piece.rows, 0);
        for (const { extra: slot, skip } of placed) {
          slot.entry.skip = skip;
          slot.packRows = packRows;
        }
        pendingBytes += plain.length;
        peakPendingBytes = Math.max(peakPendingBytes, pendingBytes);
        tasks.push(
          sealPack(set, table, plain, placed.map((x) => x.extra))
            .catch((error: unknown) => void (failure ??= { error }))
            .finally(() => unpend(plain.length)),
        );
      });
      const cutter = createCutter(params, (c) => {
        // Same fields in the same order as a reused entry (the manifest is JSON written byte for byte).
        const slot: Slot = { entry: { name: '', size: 0, plainSha256: '', skip: 0, rows: c.rows, first: c.first, last: c.last }, tag: '', raw: c.plain.length, packRows: 0 };
        t.slots.push(slot);
        t.rows += c.rows;
        rawBytes += c.plain.length;
        packer.add(c, slot);
      });
      const end = () => {
        cutter.flush();
        packer.flush();
      };
      ends.push(end);
      return {
        end,
        docs(docs) {
          check();
          for (const d of docs) cutter.push(d);
        },
        // A pack may hold pieces of several runs: only the piece ends here.
        endRun: () => cutter.flush(),
        reuse(packs) {
          cutter.flush();
          for (const r of packs) {
            // Feeders reuse only what canReuse allowed: anything else is a bug, not a medium fault.
            if (!canReuse(r)) throw new Error(`reused pack ${r.name} is not under HEAD`);
            const entry: PackEntry = { name: r.name, size: r.size, plainSha256: r.plainSha256, skip: r.skip ?? 0, rows: r.rows, first: r.first, last: r.last };
            t.slots.push({ entry, tag: r.tag, raw: r.raw, packRows: r.packRows ?? r.rows });
            t.rows += r.rows;
            rawBytes += r.raw;
            report(r.rows);
          }
        },
      };
    },
  };
  try {
    await source(feed, canReuse);
    for (const end of ends) end();
  } finally {
    // Never leave seals and writes running behind a failed read.
    await Promise.all(tasks);
  }
  check();

  const dataSets: Manifest['dataSets'] = {};
  const layout: Record<string, LayoutPack[]> = {};
  const packs = new Map<string, PackRef>();
  for (const t of tables) {
    for (const slot of t.slots) {
      const ref = previous.get(slot.tag) ?? inRun.get(slot.tag);
      if (!ref || !ref[0]) throw new BackupError('io', 'pack not written');
      slot.entry.name = ref[0];
      slot.entry.size = ref[1];
      packs.set(ref[0], ref);
    }
    (dataSets[t.set] ??= { tables: {} }).tables[t.table] = { rows: t.rows, packs: t.slots.map((x) => x.entry) };
    layout[`${t.set}/${t.table}`] = t.slots.map((x) => ({ ...x.entry, tag: x.tag, raw: x.raw, packRows: x.packRows }));
  }
  return { dataSets, packs: [...packs.values()], written, rawBytes, peakPendingBytes, layout };
}

export async function writeSnapshot(
  dest: BackupDestination,
  config: BackupConfig,
  tables: TableInput[] | SnapshotFeeder,
  meta: SnapshotMeta,
  ctx: SnapshotContext,
): Promise<SnapshotStats> {
  const recipient = config.encryption === 'none' ? null : config.recipient;
  const { dataSets, packs, written, rawBytes, peakPendingBytes, layout } = await writePacks(dest, config, Array.isArray(tables) ? feedTables(tables) : tables, ctx);
  await step(ctx.faults, 'packs-written');

  const manifest: Manifest = {
    format: `${FORMAT_NAME}-manifest`, formatVersion: FORMAT_VERSION, setId: config.setId,
    ...meta, compressionLevel: ctx.level, dataSets,
  };
  const sealedManifest = await ctx.codec.seal(jsonBytes(manifest), ctx.level, recipient);
  const manifestName = await sha256Hex(sealedManifest);
  await dest.write(manifestPath(manifestName), sealedManifest);
  await step(ctx.faults, 'manifest-written');

  const packNames = await readBack(dest, [manifestName, sealedManifest.length, ''], packs);
  await step(ctx.faults, 'verified');

  const head: Head = {
    formatVersion: FORMAT_VERSION, snapshotId: meta.snapshotId, createdAt: meta.createdAt,
    manifest: { name: manifestName, size: sealedManifest.length }, packs,
  };
  await dest.write(PATHS.head, jsonBytes(head));
  await step(ctx.faults, 'head-written');

  const removed = await collectGarbage(dest, head, packNames);
  await step(ctx.faults, 'gc-done');
  const bytesWritten = written.reduce((n, r) => n + r[1], 0) + sealedManifest.length;
  const totalBytes = packs.reduce((n, r) => n + r[1], 0) + sealedManifest.length;
  return { head, packsWritten: written.length, packsReused: packs.length - written.length, bytesWritten, totalBytes, rawBytes, removed, peakPendingBytes, layout };
}

/** A file just written must read back whole with its hash. */
async function verifyFile(dest: BackupDestination, path: string, ref: PackRef): Promise<void> {
  const bytes = await dest.read(path);
  if (!bytes || bytes.length !== ref[1] || (await sha256Hex(bytes)) !== ref[0]) throw new BackupError('io', `read-back ${path}`);
}

/** The new manifest is read back and hashed (new packs were, as they were written); every pack
 * it names must still be on the medium. */
async function readBack(dest: BackupDestination, manifest: PackRef, all: PackRef[]): Promise<string[]> {
  await verifyFile(dest, manifestPath(manifest[0]), manifest);
  const names = await namesIn(dest, PATHS.packs);
  const present = new Set(names);
  for (const ref of all) if (!present.has(ref[0])) throw new BackupError('io', `missing ${ref[0]}`);
  return names;
}

const namesIn = async (dest: BackupDestination, dir: string): Promise<string[]> =>
  dest.names ? dest.names(dir) : (await dest.list(dir)).map((f) => f.name);

/** Deletes packs and manifests HEAD does not reference (also leftovers of crashed runs).
 * `packNames`: the packs folder as just listed (nothing but HEAD was written since). */
async function collectGarbage(dest: BackupDestination, head: Head, packNames: readonly string[]): Promise<number> {
  const keepPacks = new Set(head.packs.map((r) => r[0]));
  const doomed = [
    ...packNames.filter((n) => !keepPacks.has(n)).map(packPath),
    ...(await namesIn(dest, PATHS.manifests)).filter((n) => n !== head.manifest.name).map(manifestPath),
  ];
  const pool = createPool(6);
  for (const path of doomed) await pool.run(() => dest.remove(path));
  await pool.drain();
  return doomed.length;
}

export { COMMIT_STEPS };
