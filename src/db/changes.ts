// Change tracking for the organization database: a DBCore middleware that appends one
// changeLog row per write request (table + the primary keys it touched) inside the SAME
// transaction, so the backup can re-read only what changed since its previous snapshot.
import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable } from 'dexie';

export const CHANGE_LOG = 'changeLog';
/** Above this many keys one request is logged as "whole table changed" (bulk pulls, restore). */
export const MAX_LOGGED_KEYS = 5000;
/** Table name of the marker the v2 upgrade writes: everything before tracking is unknown. */
export const ALL_TABLES = '*';

export interface ChangeLogRow {
  /** Auto-incremented: the database's monotonically increasing change counter. */
  seq?: number;
  table: string;
  /** Primary keys written or deleted; null = the whole table (clear, range delete, huge bulk). */
  keys: unknown[] | null;
}

/** A backup medium's last snapshot layout (owned by src/backup; opaque here). */
export interface BackupLayoutRow {
  id: string;
  [field: string]: unknown;
}

function keysOf(req: DBCoreMutateRequest, res: DBCoreMutateResponse): unknown[] | null {
  if (req.type === 'deleteRange') return null;
  if (req.type === 'delete') return req.keys;
  const keys = (res.results ?? req.keys ?? []).filter((k) => k !== undefined);
  // Failed items of a partial bulk are not written; their keys are harmless extra dirt.
  return keys;
}

function trackedTable(down: DBCore, table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    async mutate(req) {
      const res = await table.mutate(req);
      const keys = keysOf(req, res);
      if (keys !== null && keys.length === 0) return res;
      const row: ChangeLogRow = { table: table.name, keys: keys !== null && keys.length <= MAX_LOGGED_KEYS ? keys : null };
      await down.table(CHANGE_LOG).mutate({ type: 'add', trans: req.trans, values: [row] });
      return res;
    },
  };
}

/** Installs the middleware on `db`; `tracked` are the tables whose writes are logged. */
export function installChangeTracking(db: Dexie, tracked: readonly string[]): void {
  const set = new Set(tracked);
  db.use({
    stack: 'dbcore',
    name: 'changeTracking',
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const add = mode === 'readwrite' && !stores.includes(CHANGE_LOG) && stores.some((s) => set.has(s));
          return down.transaction(add ? [...stores, CHANGE_LOG] : stores, mode, options);
        },
        table(name) {
          const t = down.table(name);
          return set.has(name) ? trackedTable(down, t) : t;
        },
      };
    },
  });
}

/** The current change counter (0 before any tracked write). Call inside a transaction for consistency. */
export async function currentChangeSeq(db: Dexie): Promise<number> {
  const last = (await db.table(CHANGE_LOG).orderBy('seq').last()) as ChangeLogRow | undefined;
  return last?.seq ?? 0;
}

/** Keys changed per table after `since`; a table mapped to null changed wholesale. */
export async function changesSince(db: Dexie, since: number): Promise<Map<string, Set<unknown> | null>> {
  const out = new Map<string, Set<unknown> | null>();
  const rows = (await db.table(CHANGE_LOG).where('seq').above(since).toArray()) as ChangeLogRow[];
  for (const r of rows) {
    const prev = out.get(r.table);
    if (r.keys === null || prev === null) out.set(r.table, null);
    else if (prev) for (const k of r.keys) prev.add(k);
    else out.set(r.table, new Set(r.keys));
  }
  return out;
}

/**
 * Drops log rows at or below `through` (no medium's previous snapshot needs them). The newest
 * row is kept: it carries the current counter (the key generator never goes back anyway).
 */
export async function pruneChanges(db: Dexie, through: number): Promise<void> {
  const newest = await currentChangeSeq(db);
  await db.table(CHANGE_LOG).where('seq').belowOrEqual(Math.min(through, newest - 1)).delete();
}
