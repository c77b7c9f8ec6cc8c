// Storage of the off-site backup copy: one row per file of a till's backup set (table
// backup_files, migration 2). Bytes are opaque to the server; size and SHA-256 are kept so a
// listing needs no bytes and an operator can check a copy without the password.
import { createHash } from 'node:crypto';
import type { Sql } from '../store/sql';
import { toInt } from '../store/sql';

export interface BackupFileKey {
  tillId: string;
  setId: string;
  path: string;
}

export interface BackupFileInfo {
  name: string;
  size: number;
}

/** Inserts or replaces one file in a single statement: readers see the old or the new bytes. */
export async function putBackupFile(sql: Sql, key: BackupFileKey, bytes: Uint8Array, now: Date): Promise<void> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await sql.query(
    `INSERT INTO backup_files (till_id, set_id, path, bytes, size, sha256, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (till_id, set_id, path) DO UPDATE SET bytes = excluded.bytes, size = excluded.size, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
    [key.tillId, key.setId, key.path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.byteLength, sha256, now],
  );
}

export async function getBackupFile(sql: Sql, key: BackupFileKey): Promise<Uint8Array | null> {
  const rows = await sql.query<{ bytes: Uint8Array }>(`SELECT bytes FROM backup_files WHERE till_id = $1 AND set_id = $2 AND path = $3`, [
    key.tillId,
    key.setId,
    key.path,
  ]);
  const row = rows[0];
  return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
}

export async function deleteBackupFile(sql: Sql, key: BackupFileKey): Promise<boolean> {
  const rows = await sql.query(`DELETE FROM backup_files WHERE till_id = $1 AND set_id = $2 AND path = $3 RETURNING path`, [
    key.tillId,
    key.setId,
    key.path,
  ]);
  return rows.length > 0;
}

/** Files directly inside `dir` ('' = the set's root). `dir` is a validated name without wildcards. */
export async function listBackupFiles(sql: Sql, tillId: string, setId: string, dir: string): Promise<BackupFileInfo[]> {
  const rows = dir
    ? await sql.query<{ path: string; size: unknown }>(
        `SELECT path, size FROM backup_files WHERE till_id = $1 AND set_id = $2 AND path LIKE $3 ORDER BY path`,
        [tillId, setId, `${dir}/%`],
      )
    : await sql.query<{ path: string; size: unknown }>(
        `SELECT path, size FROM backup_files WHERE till_id = $1 AND set_id = $2 AND path NOT LIKE '%/%' ORDER BY path`,
        [tillId, setId],
      );
  const prefix = dir ? `${dir}/` : '';
  return rows.map((r) => ({ name: r.path.slice(prefix.length), size: toInt(r.size) })).filter((f) => !f.name.includes('/'));
}
