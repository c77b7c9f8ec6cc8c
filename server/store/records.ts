// Back-office records (articles, prices, clients, …) with a global change sequence `rev`.
// Ordering guarantee: every writer bumps the single change_seq row inside its transaction; the
// row lock is held until commit, so writers commit in rev order and a reader that sees rev R
// also sees every rev below R. A puller therefore never skips a change (docs/sync-protocol.md).
import { RECORD_KINDS, type RecordKind } from '@model';
export { recordIdOf } from '@model';
import type { Sql } from './sql';
import { placeholders, toInt } from './sql';

export type RecordOrigin = 'backoffice' | 'till';

export interface StoredRecord {
  kind: RecordKind;
  id: string;
  rev: number;
  deleted: boolean;
  data: Record<string, unknown> | null;
}

export interface RecordWrite {
  kind: RecordKind;
  id: string;
  /** null writes a tombstone. */
  data: Record<string, unknown> | null;
  origin?: RecordOrigin;
}

type Row = { kind: string; id: string; rev: unknown; deleted: boolean; data: Record<string, unknown> | null };
const toStored = (r: Row): StoredRecord => ({
  kind: r.kind as RecordKind,
  id: r.id,
  rev: toInt(r.rev),
  deleted: r.deleted,
  data: r.deleted ? null : r.data,
});

const CHUNK = 2000;

/** Writes records in one go and returns the rev of each (in input order). Call inside a
 * transaction: the change_seq row lock serialises writers until that transaction commits. */
export async function writeRecords(tx: Sql, writes: readonly RecordWrite[], now: Date): Promise<number[]> {
  if (writes.length === 0) return [];
  const rows = await tx.query<{ last: unknown }>(
    `UPDATE change_seq SET last = last + $1 WHERE id = 1 RETURNING last`,
    [writes.length],
  );
  const first = toInt(rows[0]?.last) - writes.length + 1;
  const revs = writes.map((_, i) => first + i);
  // ON CONFLICT DO UPDATE may touch a row once per statement: keep the last write of each key.
  const lastIndex = new Map<string, number>();
  writes.forEach((w, i) => lastIndex.set(`${w.kind}\u0000${w.id}`, i));
  const kept = writes.map((w, i) => ({ w, rev: revs[i] as number })).filter(({ w }, i) => lastIndex.get(`${w.kind}\u0000${w.id}`) === i);
  for (let start = 0; start < kept.length; start += CHUNK) {
    const chunk = kept.slice(start, start + CHUNK).map(({ w, rev }) => ({
      k: w.kind,
      i: w.id,
      r: rev,
      d: w.data,
      o: w.origin ?? 'backoffice',
    }));
    await tx.query(
      `INSERT INTO records (kind, id, rev, deleted, data, origin, updated_at)
       SELECT e->>'k', e->>'i', (e->>'r')::bigint, jsonb_typeof(e->'d') = 'null', CASE WHEN jsonb_typeof(e->'d') = 'null' THEN NULL ELSE e->'d' END, e->>'o', $2
       FROM jsonb_array_elements($1::jsonb) AS t(e)
       ON CONFLICT (kind, id) DO UPDATE SET rev = excluded.rev, deleted = excluded.deleted, data = excluded.data,
         origin = excluded.origin, updated_at = excluded.updated_at`,
      [JSON.stringify(chunk), now],
    );
  }
  return revs;
}

export async function getRecord(sql: Sql, kind: RecordKind, id: string): Promise<StoredRecord | null> {
  const rows = await sql.query<Row>(`SELECT kind, id, rev, deleted, data FROM records WHERE kind = $1 AND id = $2`, [kind, id]);
  return rows[0] ? toStored(rows[0]) : null;
}

/** Takes the writers' lock (the change_seq row) for the rest of the transaction. Compare-and-set
 * writers take it BEFORE reading the row they check, so every record writer locks in the same
 * order (change_seq, then records) and two writers cannot deadlock. */
export async function lockChangeSeq(tx: Sql): Promise<void> {
  await tx.query(`SELECT last FROM change_seq WHERE id = 1 FOR UPDATE`);
}

/** One pull page: records of `kinds` with rev > afterRev, in rev order. Tombstones with
 * rev <= hideTombstonesUpTo are left out (a snapshot does not need old deletes). */
export async function pullRecords(
  sql: Sql,
  kinds: readonly RecordKind[],
  afterRev: number,
  hideTombstonesUpTo: number,
  limit: number,
): Promise<StoredRecord[]> {
  const rows = await sql.query<Row>(
    `SELECT kind, id, rev, deleted, data FROM records
     WHERE kind IN (${placeholders(kinds.length, 4)}) AND rev > $1 AND (NOT deleted OR rev > $2)
     ORDER BY rev LIMIT $3`,
    [afterRev, hideTombstonesUpTo, limit, ...kinds],
  );
  return rows.map(toStored);
}

export async function countLive(sql: Sql, kinds: readonly RecordKind[]): Promise<number> {
  const rows = await sql.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM records WHERE kind IN (${placeholders(kinds.length)}) AND NOT deleted`,
    [...kinds],
  );
  return toInt(rows[0]?.n ?? 0);
}

export async function countLiveByKind(sql: Sql): Promise<Record<string, number>> {
  const rows = await sql.query<{ kind: string; n: unknown }>(
    `SELECT kind, count(*) AS n FROM records WHERE NOT deleted GROUP BY kind`,
  );
  return Object.fromEntries(rows.map((r) => [r.kind, toInt(r.n)]));
}

/** The last committed change sequence value. */
export async function lastRev(sql: Sql): Promise<number> {
  const rows = await sql.query<{ last: unknown }>(`SELECT last FROM change_seq WHERE id = 1`);
  return toInt(rows[0]?.last ?? 0);
}


export interface ListQuery {
  q?: string;
  limit: number;
  offset: number;
}

export async function listRecords(sql: Sql, kind: RecordKind, query: ListQuery): Promise<{ items: StoredRecord[]; total: number }> {
  const params: unknown[] = [kind];
  let where = `kind = $1 AND NOT deleted`;
  const fields: readonly string[] = RECORD_KINDS[kind].search;
  if (query.q && fields.length > 0) {
    params.push(`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where += ` AND (${fields.map((f) => `(data->>'${f}') ILIKE $2`).join(' OR ')})`;
  }
  const total = await sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM records WHERE ${where}`, params);
  const rows = await sql.query<Row>(
    `SELECT kind, id, rev, deleted, data FROM records WHERE ${where}
     ORDER BY coalesce(data->>'name', id), id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.limit, query.offset],
  );
  return { items: rows.map(toStored), total: toInt(total[0]?.n ?? 0) };
}
