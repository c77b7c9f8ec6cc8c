// Paired tills and the single-use sync codes that pair them.
import type { Sql } from './sql';
import { toInt, toIso } from './sql';

export interface TillRow {
  id: string;
  code: string;
  deviceName: string;
  appVersion: string | null;
  lastSeenAt: string | null;
  pending: number | null;
  revoked: boolean;
  createdAt: string;
}

type Raw = {
  id: string;
  code: string;
  device_name: string;
  app_version: string | null;
  last_seen: unknown;
  pending: unknown;
  revoked: boolean;
  created_at: unknown;
};
const toTill = (r: Raw): TillRow => ({
  id: r.id,
  code: r.code,
  deviceName: r.device_name,
  appVersion: r.app_version,
  lastSeenAt: r.last_seen == null ? null : toIso(r.last_seen),
  pending: r.pending == null ? null : toInt(r.pending),
  revoked: r.revoked,
  createdAt: toIso(r.created_at),
});
const COLUMNS = `id, code, device_name, app_version, last_seen, pending, revoked, created_at`;

export async function insertSyncCode(sql: Sql, code: string, now: Date, expiresAt: Date): Promise<void> {
  await sql.query(`INSERT INTO sync_codes (code, created_at, expires_at) VALUES ($1, $2, $3)`, [code, now, expiresAt]);
}

export type CodeState = 'ok' | 'invalid_code' | 'code_expired' | 'code_used';

/** Marks the code used if it is valid at `now` (atomically: two tills cannot share one code),
 * otherwise says why not and counts the attempt. */
export async function consumeSyncCode(tx: Sql, code: string, now: Date, tillId: string): Promise<CodeState> {
  const taken = await tx.query(
    `UPDATE sync_codes SET used_at = $2, till_id = $3 WHERE code = $1 AND used_at IS NULL AND expires_at > $2 RETURNING code`,
    [code, now, tillId],
  );
  if (taken.length > 0) return 'ok';
  const rows = await tx.query<{ used_at: unknown }>(
    `UPDATE sync_codes SET attempts = attempts + 1 WHERE code = $1 RETURNING used_at`,
    [code],
  );
  if (!rows[0]) return 'invalid_code';
  return rows[0].used_at != null ? 'code_used' : 'code_expired';
}

export interface NewTill {
  id: string;
  tokenHash: string;
  installId: string;
  deviceName: string;
  appVersion: string;
}

export async function insertTill(tx: Sql, till: NewTill, now: Date): Promise<TillRow> {
  const n = await tx.query<{ n: unknown }>(`SELECT nextval('till_number_seq') AS n`);
  const code = `T${toInt(n[0]?.n)}`;
  const rows = await tx.query<Raw>(
    `INSERT INTO tills (id, code, token_hash, install_id, device_name, app_version, last_seen, revoked, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, false, $7) RETURNING ${COLUMNS}`,
    [till.id, code, till.tokenHash, till.installId, till.deviceName, till.appVersion, now],
  );
  return toTill(rows[0] as Raw);
}

export async function findTillByTokenHash(sql: Sql, tokenHash: string): Promise<TillRow | null> {
  const rows = await sql.query<Raw>(`SELECT ${COLUMNS} FROM tills WHERE token_hash = $1`, [tokenHash]);
  return rows[0] ? toTill(rows[0]) : null;
}

export async function touchTill(
  sql: Sql,
  id: string,
  now: Date,
  extra: { pending?: number; appVersion?: string } = {},
): Promise<void> {
  await sql.query(
    `UPDATE tills SET last_seen = $2, pending = coalesce($3, pending), app_version = coalesce($4, app_version) WHERE id = $1`,
    [id, now, extra.pending ?? null, extra.appVersion ?? null],
  );
}

export async function listTills(sql: Sql): Promise<TillRow[]> {
  const rows = await sql.query<Raw>(`SELECT ${COLUMNS} FROM tills ORDER BY created_at, id`);
  return rows.map(toTill);
}

export async function revokeTill(sql: Sql, id: string): Promise<boolean> {
  const rows = await sql.query(`UPDATE tills SET revoked = true WHERE id = $1 RETURNING id`, [id]);
  return rows.length > 0;
}
