// The Dexie edge of the backup engine: reads an organization's tables grouped by data set
// (DATA_SETS) in one read transaction, and writes staged rows back in ONE read-write
// transaction that replaces the chosen data sets.
import { DATA_SETS, nameWords, searchKey, type DataSetName, type OrgDatabase } from '../db/schema';
import { ALL_TABLES, CHANGE_LOG, changesSince, currentChangeSeq } from '../db/changes';
import { cutPointTest, tableChunker, type ChunkerParams, type Doc } from './format/chunker';
import Dexie from 'dexie';
import type { LayoutPack, SnapshotFeed, TableFeed, TableInput } from './format/snapshot';
import type { StagedBackup } from './format/reader';

export const ALL_DATA_SETS = Object.keys(DATA_SETS) as DataSetName[];

/** Fields the till derives from others; left out unless "include indexes" is set. */
const DERIVED: Record<string, readonly string[]> = {
  articles: ['nameKey', 'words', 'activeFlag'],
  clients: ['nameKey'],
};

function keyOf(row: Record<string, unknown>, keyPath: string): string {
  const k = row[keyPath];
  return typeof k === 'string' ? k : JSON.stringify(k);
}

/** A row as one JSON line, without the fields in `strip`. The row is a fresh object from the
 * read, so the fields are set to undefined, which JSON.stringify leaves out: a copy costs
 * ≈ 10 % of a backup's read, and `delete` turns each object into a slow dictionary. */
function toDoc(row: Record<string, unknown>, keyPath: string, strip: readonly string[]): Doc {
  for (const f of strip) if (f in row) row[f] = undefined;
  return { key: keyOf(row, keyPath), json: JSON.stringify(row) };
}

/** Every row of the chosen data sets in memory, in key order (the export and tests). */
export async function readDataSets(db: OrgDatabase, sets: readonly DataSetName[], includeIndexes: boolean): Promise<TableInput[]> {
  return inOneSnapshot(async (lanes) => {
    const tables: TableInput[] = [];
    const collect: SnapshotFeed = {
      expectRows: () => undefined,
      room: () => null,
      table(set, table) {
        const t: TableInput = { set, table, docs: [] };
        tables.push(t);
        return {
          docs: (docs) => {
            for (const d of docs) t.docs.push(d);
          },
          endRun: () => undefined,
          end: () => undefined,
          reuse: () => undefined,
        };
      },
    };
    await feedDataSetsSince(db, sets, includeIndexes, null, collect, () => false, lanes);
    return tables;
  });
}

/** The previous snapshot on a medium: its packs per "set/table" and the change counter it saw. */
export interface PreviousLayout {
  seq: number;
  chunker: ChunkerParams;
  tables: Record<string, LayoutPack[]>;
}

type Range = { lo: string | null; hi: string | null };
type Plan = ({ reuse: LayoutPack[] } | Range)[];

/**
 * Maps changed keys onto the previous snapshot's pieces. Pieces are grouped into key segments
 * ending at a key cut point; a full cut restarts after every cut key, so re-cutting whole dirty
 * segments and reusing the clean ones gives exactly a full run's pieces (their packs may group
 * them otherwise). Null: read the whole table.
 */
export function planTable(packs: readonly LayoutPack[], changed: ReadonlySet<unknown>, chunker: ChunkerParams): Plan | null {
  const isCut = cutPointTest(chunker);
  const segs: LayoutPack[][] = [];
  let cur: LayoutPack[] = [];
  packs.forEach((p, i) => {
    cur.push(p);
    if (isCut(p.last) || i === packs.length - 1) {
      segs.push(cur);
      cur = [];
    }
  });
  if (segs.length === 0) return null;
  // Segment i covers keys in (his[i-1], his[i]]; the last one runs to the end of the key space.
  const his = segs.map((g, i) => (i === segs.length - 1 ? null : g[g.length - 1]!.last));
  const dirty = segs.map(() => false);
  for (const k of changed) {
    if (typeof k !== 'string') return null;
    let a = 0;
    let b = segs.length - 1;
    while (a < b) {
      const m = (a + b) >> 1;
      const hi = his[m];
      if (hi === null || hi === undefined || k <= hi) b = m;
      else a = m + 1;
    }
    dirty[a] = true;
    // A changed cut key may be gone: the next segment then merges into this one.
    if (his[a] === k && a + 1 < segs.length) dirty[a + 1] = true;
  }
  // A pack holds pieces of several segments, and a rewritten piece leaves dead rows in it. A
  // pack whose clean pieces hold less than half its rows has its clean segments read again
  // too, so it drops out of the snapshot: dead rows never take more than half a pack.
  const live = new Map<string, number>();
  segs.forEach((g, i) => {
    if (!dirty[i]) for (const p of g) live.set(p.name, (live.get(p.name) ?? 0) + p.rows);
  });
  segs.forEach((g, i) => {
    if (!dirty[i] && g.some((p) => 2 * (live.get(p.name) ?? 0) < (p.packRows ?? p.rows))) dirty[i] = true;
  });
  const plan: Plan = [];
  for (let i = 0; i < segs.length; ) {
    let j = i;
    while (j + 1 < segs.length && dirty[j + 1] === dirty[i]) j++;
    if (dirty[i]) plan.push({ lo: i === 0 ? null : (his[i - 1] ?? null), hi: his[j] ?? null });
    else plan.push({ reuse: segs.slice(i, j + 1).flat() });
    i = j + 1;
  }
  return plan;
}

/** Rows per read while streaming into a snapshot: big enough to amortise a request, small
 * enough that the first packs are sealing while the rest of the table is read. */
const FEED_BATCH = 4000;

/** One native getAll on the running read transaction's store. */
function getAll(store: IDBObjectStore, range: IDBKeyRange | null, count: number): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const req = store.getAll(range, count);
    req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
    req.onerror = () => reject(req.error ?? new Error('getAll failed'));
  });
}

function keyRange(from: string | null, hi: string | null): IDBKeyRange | null {
  if (from === null) return hi === null ? null : IDBKeyRange.upperBound(hi);
  return hi === null ? IDBKeyRange.lowerBound(from, true) : IDBKeyRange.bound(from, hi, true, false);
}

type Rows = Record<string, unknown>[];

/** The first batch of rows with primary key in (lo, hi] (null = unbounded), or null when empty. */
function firstBatch(store: IDBObjectStore, lo: string | null, hi: string | null): Promise<Rows> | null {
  if (lo !== null && hi !== null && lo >= hi) return null;
  const rows = getAll(store, keyRange(lo, hi), FEED_BATCH);
  // Asked for ahead: if the run fails before it is awaited, its failure is the run's, not an unhandled one.
  rows.catch(() => undefined);
  return rows;
}

/**
 * Feeds rows with primary key in (lo, hi] in key order, a batch at a time, starting from
 * `first` (the range's first batch, already asked for). Every table's primary key is a string
 * (schema.ts), so batches continue after the last key. Reads go straight to the running Dexie
 * transaction's IndexedDB store (`idbtrans`): a backup reads every row, and Dexie's per-request
 * machinery cost ≈ 25 % over raw getAll here.
 */
async function feedRange(
  store: IDBObjectStore, keyPath: string, strip: readonly string[], hi: string | null, first: Promise<Rows> | null,
  out: (docs: Doc[]) => void, room: () => Promise<void> | null,
): Promise<number> {
  let pending = first;
  let n = 0;
  while (pending) {
    const rows = await pending;
    const last = rows[rows.length - 1]?.[keyPath];
    // Ask for the next batch before turning this one into documents: the database reads it
    // while this thread encodes.
    pending = rows.length < FEED_BATCH || typeof last !== 'string' ? null : firstBatch(store, last, hi);
    const docs: Doc[] = rows.map((row) => toDoc(row, keyPath, strip));
    if (docs.length) out(docs);
    n += docs.length;
    // Too many packs wait for the Worker: let it catch up before reading on.
    const wait = room();
    if (wait) await keepAlive(store, wait);
  }
  return n;
}

/**
 * Waits for `until` inside the read transaction. IndexedDB commits a transaction that has no
 * request pending once its task ends, so tiny requests (a count of a key that does not exist)
 * are chained meanwhile; the snapshot stays the same one.
 */
async function keepAlive(store: IDBObjectStore, until: Promise<void>): Promise<void> {
  let done = false;
  void until.then(() => {
    done = true;
  });
  while (!done) {
    await new Promise<void>((resolve, reject) => {
      const req = store.count(IDBKeyRange.only('\uffff'));
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error ?? new Error('count failed'));
    });
  }
}

/** Dirty key ranges whose first batch is asked for ahead of the one being fed: an incremental
 * run reads many short ranges, and each request is a round trip to the database. */
const RANGES_AHEAD = 4;

const outsideZone = (tf: TableFeed): TableFeed => ({
  docs: (d) => Dexie.ignoreTransaction(() => tf.docs(d)),
  endRun: () => Dexie.ignoreTransaction(() => tf.endRun()),
  end: () => Dexie.ignoreTransaction(() => tf.end()),
  reuse: (p) => Dexie.ignoreTransaction(() => tf.reuse(p)),
});

/** Two read transactions saw different data (a write came between their starts): the run is
 * repeated with one transaction. */
export class SnapshotMoved extends Error {
  constructor() {
    super('the database changed between the read transactions');
  }
}

/** Read transactions a backup spreads its tables over: IndexedDB serves one transaction's
 * requests one after the other, two transactions side by side (≈ 20 % faster in Chromium). */
export const READ_LANES = 2;

/** Runs a read over READ_LANES transactions; should a write slip between their starts
 * (SnapshotMoved), runs it again in one. */
export async function inOneSnapshot<T>(read: (lanes: number) => Promise<T>): Promise<T> {
  try {
    return await read(READ_LANES);
  } catch (e) {
    if (e instanceof SnapshotMoved) return read(1);
    throw e;
  }
}

/** One table's plan, fed in key order from `store`: reused pieces as they are, dirty ranges read. */
async function feedPlan(
  store: IDBObjectStore, keyPath: string, strip: readonly string[], plan: Plan, tf: TableFeed, room: () => Promise<void> | null,
): Promise<{ rows: number; rowsRead: number }> {
  const ranges = plan.filter((p): p is Range => !('reuse' in p));
  const started: (Promise<Rows> | null)[] = [];
  let next = 0;
  let rows = 0;
  let rowsRead = 0;
  for (const p of plan) {
    if ('reuse' in p) {
      tf.reuse(p.reuse);
      rows += p.reuse.reduce((a, r) => a + r.rows, 0);
      continue;
    }
    while (started.length < Math.min(ranges.length, next + RANGES_AHEAD + 1)) {
      const r = ranges[started.length]!;
      started.push(firstBatch(store, r.lo, r.hi));
    }
    const n = await feedRange(store, keyPath, strip, p.hi, started[next] ?? null, (d) => tf.docs(d), room);
    started[next++] = null;
    tf.endRun();
    rows += n;
    rowsRead += n;
  }
  tf.end();
  return { rows, rowsRead };
}

/**
 * Reads the chosen data sets in read transactions that all see one consistent snapshot, and
 * feeds them to the snapshot in batches as they come, so sealing and writing run while the
 * next rows are read. The tables are spread over `lanes` transactions, started together (a
 * writer comes before all of them or after all of them); each reads the change counter, and if
 * they differ anyway, SnapshotMoved is thrown and the caller runs again with one lane.
 * Previous packs are reused only where the medium still holds every pack of the table
 * (`canReuse`); elsewhere the table is read whole.
 */
export async function feedDataSetsSince(
  db: OrgDatabase,
  sets: readonly DataSetName[],
  includeIndexes: boolean,
  previous: PreviousLayout | null,
  feed: SnapshotFeed,
  canReuse: (p: LayoutPack) => boolean,
  lanes = READ_LANES,
): Promise<{ seq: number; rows: number; rowsRead: number }> {
  const wanted = sets.flatMap((set) => DATA_SETS[set].map((table) => ({ set, table })));
  const scope = [...wanted.map((w) => w.table), CHANGE_LOG];
  // Rows per table, to balance the lanes and size the progress bar: the previous snapshot's
  // (counting a big table walks all of it), else a count outside the snapshot.
  const counts = await Promise.all(
    wanted.map((w) => previous?.tables[`${w.set}/${w.table}`]?.reduce((a, p) => a + p.rows, 0) ?? db.table(w.table).count()),
  );
  feed.expectRows(counts.reduce((a, b) => a + b, 0));
  // Manifest order is the order the tables are announced in; the lanes then fill them side by
  // side. The snapshot seals and writes what it is fed in tasks of its own: they start outside
  // the transactions' zones, so Dexie does not track their promises as part of the read.
  const feeds = wanted.map((w) => outsideZone(feed.table(w.set, w.table)));
  const room = () => Dexie.ignoreTransaction(() => feed.room());
  // Biggest tables first, each to the lane with the fewest rows so far.
  const laneOf: number[] = [];
  const load = Array.from({ length: Math.max(1, lanes) }, () => 0);
  for (const i of wanted.map((_, i) => i).sort((x, y) => counts[y]! - counts[x]!)) {
    const l = load.indexOf(Math.min(...load));
    laneOf[i] = l;
    load[l]! += counts[i]!;
  }
  const lane = (l: number) =>
    db.transaction('r', scope, async () => {
      const tx = Dexie.currentTransaction!;
      const seq = await currentChangeSeq(db);
      const usable = previous !== null && previous.seq <= seq;
      const changes = usable ? await changesSince(db, previous.seq) : null;
      const all = changes === null || changes.has(ALL_TABLES);
      const done = { seq, rows: 0, rowsRead: 0 };
      for (const [i, { set, table }] of wanted.entries()) {
        if (laneOf[i] !== l) continue;
        const packs = previous?.tables[`${set}/${table}`];
        const reusable = packs && packs.every(canReuse) ? packs : undefined;
        const changed = all || !reusable ? null : changes.get(table);
        const plan: Plan =
          changed === undefined ? [{ reuse: reusable! }] : ((changed && planTable(reusable!, changed, tableChunker(previous!.chunker, table))) ?? [{ lo: null, hi: null }]);
        const strip = includeIndexes ? [] : (DERIVED[table] ?? []);
        const fed = await feedPlan(tx.idbtrans.objectStore(table), String(db.table(table).schema.primKey.keyPath), strip, plan, feeds[i]!, room);
        done.rows += fed.rows;
        done.rowsRead += fed.rowsRead;
      }
      return done;
    });
  // Started in the same task, so no writer can commit between them.
  const results = await Promise.all([...new Set(laneOf)].map(lane));
  const seq = results[0]?.seq ?? 0;
  if (results.some((r) => r.seq !== seq)) throw new SnapshotMoved();
  return { seq, rows: results.reduce((n, r) => n + r.rows, 0), rowsRead: results.reduce((n, r) => n + r.rowsRead, 0) };
}

/** Rebuilds the index fields a backup made without indexes left out. */
function withDerived(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'articles' && row.nameKey === undefined) {
    const name = String(row.name ?? '');
    return { ...row, nameKey: searchKey(name), words: nameWords(name), activeFlag: row.active ? 1 : 0 };
  }
  if (table === 'clients' && row.nameKey === undefined) return { ...row, nameKey: searchKey(String(row.name ?? '')) };
  return row;
}

export type RowCounts = Partial<Record<DataSetName, Record<string, number>>>;

export async function countRows(db: OrgDatabase, sets: readonly DataSetName[]): Promise<RowCounts> {
  const out: RowCounts = {};
  for (const set of sets) {
    const counts: Record<string, number> = {};
    for (const table of DATA_SETS[set]) counts[table] = await db.table(table).count();
    out[set] = counts;
  }
  return out;
}

/**
 * Settings rows that tie this device to its back office (the sync link with its till id and
 * token, and the local till identity). Restoring another till's backup into an organization
 * that has them keeps its own: the data come back, the device stays who it is — else two
 * tablets would push with one token, or a replacement would fall back to a revoked one.
 */
export const DEVICE_SETTINGS: readonly string[] = ['link', 'till'];

/** Replaces the chosen data sets of `db` with the staged rows, all or nothing. */
export async function commitStaged(db: OrgDatabase, staged: StagedBackup, sets: readonly DataSetName[]): Promise<void> {
  const tables = sets.flatMap((s) => [...DATA_SETS[s]]);
  await db.transaction('rw', tables, async () => {
    for (const set of sets) {
      for (const table of DATA_SETS[set]) {
        const rows = (staged.dataSets[set]?.[table] ?? []) as Record<string, unknown>[];
        const t = db.table(table);
        const kept = table === 'settings' ? (await db.settings.bulkGet([...DEVICE_SETTINGS])).filter((r) => r !== undefined) : [];
        await t.clear();
        if (rows.length) await t.bulkPut(rows.map((r) => withDerived(table, r)));
        if (kept.length) await db.settings.bulkPut(kept);
      }
    }
  });
}
