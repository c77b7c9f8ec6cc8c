// What tills push: receipts and shift reports (append-only documents), and the mutations table
// that makes every push idempotent by mutation id.
import type { MutationResult } from '@model';
import type { Sql } from './sql';
import { toInt, toIso } from './sql';

/** Claims a mutation id for this transaction. False when another transaction already holds or
 * committed it; on PostgreSQL the INSERT waits for a concurrent holder to finish first, so the
 * caller can then read its committed result. */
export async function claimMutation(tx: Sql, id: string, tillId: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO mutations (id, till_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
    [id, tillId, now],
  );
  return rows.length > 0;
}

export async function storedMutationResult(sql: Sql, id: string): Promise<MutationResult | null> {
  const rows = await sql.query<{ result: MutationResult | null }>(`SELECT result FROM mutations WHERE id = $1`, [id]);
  return rows[0]?.result ?? null;
}

export async function saveMutationResult(tx: Sql, id: string, result: MutationResult): Promise<void> {
  await tx.query(`UPDATE mutations SET result = $2::jsonb WHERE id = $1`, [id, JSON.stringify(result)]);
}

export interface NewDocument {
  id: string;
  mutationId: string;
  tillId: string;
  data: Record<string, unknown>;
}

/** Inserts a receipt once; a second copy (same receipt id) returns the first one's rev. */
export async function insertReceipt(
  tx: Sql,
  doc: NewDocument & { createdAt: string; total: number; vat: number },
  now: Date,
): Promise<{ rev: number; inserted: boolean }> {
  const rows = await tx.query<{ rev: unknown }>(
    `INSERT INTO receipts (id, mutation_id, till_id, rev, created_at, received_at, total, vat, data)
     VALUES ($1, $2, $3, nextval('document_seq'), $4, $5, $6, $7, $8::jsonb) ON CONFLICT DO NOTHING RETURNING rev`,
    [doc.id, doc.mutationId, doc.tillId, doc.createdAt, now, doc.total, doc.vat, JSON.stringify(doc.data)],
  );
  if (rows[0]) return { rev: toInt(rows[0].rev), inserted: true };
  const existing = await tx.query<{ rev: unknown }>(`SELECT rev FROM receipts WHERE id = $1`, [doc.id]);
  return { rev: toInt(existing[0]?.rev), inserted: false };
}

/** Upserts a shift report by id: an open shift may be sent again once closed. */
export async function upsertShiftReport(tx: Sql, doc: NewDocument, now: Date): Promise<{ rev: number }> {
  const rows = await tx.query<{ rev: unknown }>(
    `INSERT INTO shift_reports (id, mutation_id, till_id, rev, received_at, data)
     VALUES ($1, $2, $3, nextval('document_seq'), $4, $5::jsonb)
     ON CONFLICT (id) DO UPDATE SET mutation_id = excluded.mutation_id, rev = excluded.rev,
       received_at = excluded.received_at, data = excluded.data
     RETURNING rev`,
    [doc.id, doc.mutationId, doc.tillId, now, JSON.stringify(doc.data)],
  );
  return { rev: toInt(rows[0]?.rev) };
}

export interface ReceiptPageQuery {
  limit: number;
  offset: number;
  tillId?: string;
}

type DocRow = { data: Record<string, unknown>; received_at: unknown };
const withReceivedAt = (r: DocRow) => ({ ...r.data, receivedAt: toIso(r.received_at) });

export async function listReceipts(sql: Sql, query: ReceiptPageQuery) {
  const filter = query.tillId ? `WHERE till_id = $1` : `WHERE $1::text IS NULL`;
  const tillParam = query.tillId ?? null;
  const agg = await sql.query<{ n: unknown; total: unknown; vat: unknown }>(
    `SELECT count(*) AS n, coalesce(sum(total), 0) AS total, coalesce(sum(vat), 0) AS vat FROM receipts ${filter}`,
    [tillParam],
  );
  const rows = await sql.query<DocRow>(
    `SELECT data, received_at FROM receipts ${filter} ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
    [tillParam, query.limit, query.offset],
  );
  const count = toInt(agg[0]?.n ?? 0);
  return {
    items: rows.map(withReceivedAt),
    total: count,
    totals: { count, total: toInt(agg[0]?.total ?? 0), vat: toInt(agg[0]?.vat ?? 0) },
  };
}

export async function listShiftReports(sql: Sql, query: { limit: number; offset: number }) {
  const n = await sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM shift_reports`);
  const rows = await sql.query<DocRow>(
    `SELECT data, received_at FROM shift_reports ORDER BY received_at DESC, id LIMIT $1 OFFSET $2`,
    [query.limit, query.offset],
  );
  return { items: rows.map(withReceivedAt), total: toInt(n[0]?.n ?? 0) };
}

export async function receiptTotalsSince(sql: Sql, from: Date): Promise<{ count: number; total: number }> {
  const rows = await sql.query<{ n: unknown; total: unknown }>(
    `SELECT count(*) AS n, coalesce(sum(total), 0) AS total FROM receipts WHERE created_at >= $1`,
    [from],
  );
  return { count: toInt(rows[0]?.n ?? 0), total: toInt(rows[0]?.total ?? 0) };
}
