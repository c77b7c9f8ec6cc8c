// Storage of the off-site backup copy: one row per backup set (backup_sets: its owning till)
// and one per file (backup_files, migration 3). Bytes are opaque to the server; size and SHA-256
// are kept so a listing needs no bytes and an operator can check a copy without the password.
import { createHash } from 'node:crypto';
import type { Sql } from '../store/sql';
import { toInt, toIso } from '../store/sql';

export interface BackupFileKey {
  setId: string;
  path: string;
}

export interface BackupFileInfo {
  name: string;
  size: number;
}

/** A stored set as tills and the admin page list it. */
export interface BackupSetInfo {
  setId: string;
  tillId: string;
  tillCode: string;
  deviceName: string;
  files: number;
  bytes: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Whether `tillId` may write the set: it claims a new set, and takes over one whose owner is the
 * same device paired again (same install id); false when another till owns it. Locks the till's
 * row first, so the quota check that follows in the same transaction sees no parallel upload of
 * that till.
 */
export async function claimSet(tx: Sql, tillId: string, setId: string, now: Date): Promise<boolean> {
  await tx.query(`SELECT id FROM tills WHERE id = $1 FOR UPDATE`, [tillId]);
  await tx.query(`INSERT INTO backup_sets (set_id, till_id, created_at, updated_at) VALUES ($1, $2, $3, $3) ON CONFLICT (set_id) DO NOTHING`, [
    setId,
    tillId,
    now,
  ]);
  const owner = await tx.query<{ till_id: string; same_device: boolean }>(
    `SELECT s.till_id, coalesce(o.install_id = me.install_id, false) AS same_device
       FROM backup_sets s LEFT JOIN tills o ON o.id = s.till_id JOIN tills me ON me.id = $2
      WHERE s.set_id = $1 FOR UPDATE OF s`,
    [setId, tillId],
  );
  const row = owner[0];
  if (!row) return false;
  if (row.till_id === tillId) return true;
  if (!row.same_device) return false;
  await tx.query(`UPDATE backup_sets SET till_id = $2 WHERE set_id = $1`, [setId, tillId]);
  return true;
}

/** Inserts or replaces one file in a single statement: readers see the old or the new bytes. */
export async function putBackupFile(tx: Sql, key: BackupFileKey, bytes: Uint8Array, now: Date): Promise<void> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await tx.query(
    `INSERT INTO backup_files (set_id, path, bytes, size, sha256, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (set_id, path) DO UPDATE SET bytes = excluded.bytes, size = excluded.size, sha256 = excluded.sha256, updated_at = excluded.updated_at`,
    [key.setId, key.path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), bytes.byteLength, sha256, now],
  );
  await tx.query(`UPDATE backup_sets SET updated_at = $2 WHERE set_id = $1`, [key.setId, now]);
}

export async function getBackupFile(sql: Sql, key: BackupFileKey): Promise<Uint8Array | null> {
  const rows = await sql.query<{ bytes: Uint8Array }>(`SELECT bytes FROM backup_files WHERE set_id = $1 AND path = $2`, [key.setId, key.path]);
  const row = rows[0];
  return row ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null;
}

export async function deleteBackupFile(tx: Sql, key: BackupFileKey): Promise<boolean> {
  const rows = await tx.query(`DELETE FROM backup_files WHERE set_id = $1 AND path = $2 RETURNING path`, [key.setId, key.path]);
  return rows.length > 0;
}

/** The owner of a set, or null when nothing was ever stored under it. */
export async function setOwner(sql: Sql, setId: string): Promise<string | null> {
  const rows = await sql.query<{ till_id: string }>(`SELECT till_id FROM backup_sets WHERE set_id = $1`, [setId]);
  return rows[0]?.till_id ?? null;
}

/** Files directly inside `dir` ('' = the set's root). `dir` is a validated name without wildcards. */
export async function listBackupFiles(sql: Sql, setId: string, dir: string): Promise<BackupFileInfo[]> {
  const rows = dir
    ? await sql.query<{ path: string; size: unknown }>(`SELECT path, size FROM backup_files WHERE set_id = $1 AND path LIKE $2 ORDER BY path`, [
        setId,
        `${dir}/%`,
      ])
    : await sql.query<{ path: string; size: unknown }>(`SELECT path, size FROM backup_files WHERE set_id = $1 AND path NOT LIKE '%/%' ORDER BY path`, [
        setId,
      ]);
  const prefix = dir ? `${dir}/` : '';
  return rows.map((r) => ({ name: r.path.slice(prefix.length), size: toInt(r.size) })).filter((f) => !f.name.includes('/'));
}

/** Every set holding at least one file, newest first, with its owner's code and device. */
export async function listBackupSets(sql: Sql): Promise<BackupSetInfo[]> {
  const rows = await sql.query<{
    set_id: string;
    till_id: string;
    code: string | null;
    device_name: string | null;
    files: unknown;
    bytes: unknown;
    created_at: unknown;
    updated_at: unknown;
  }>(
    `SELECT s.set_id, s.till_id, t.code, t.device_name, count(f.path) AS files, coalesce(sum(f.size), 0) AS bytes, s.created_at, s.updated_at
       FROM backup_sets s JOIN backup_files f ON f.set_id = s.set_id LEFT JOIN tills t ON t.id = s.till_id
      GROUP BY s.set_id, s.till_id, t.code, t.device_name, s.created_at, s.updated_at
      ORDER BY s.updated_at DESC, s.set_id`,
  );
  return rows.map((r) => ({
    setId: r.set_id,
    tillId: r.till_id,
    tillCode: r.code ?? '',
    deviceName: r.device_name ?? '',
    files: toInt(r.files),
    bytes: toInt(r.bytes),
    createdAt: toIso(r.created_at),
    updatedAt: toIso(r.updated_at),
  }));
}

/** Bytes stored in the sets a till owns (what its quota counts), leaving out `except` (the
 * file an upload is about to replace). */
export async function usedBytes(sql: Sql, tillId: string, except?: BackupFileKey): Promise<number> {
  const rows = await sql.query<{ used: unknown }>(
    `SELECT coalesce(sum(f.size), 0) AS used FROM backup_files f JOIN backup_sets s ON s.set_id = f.set_id
      WHERE s.till_id = $1 AND NOT (f.set_id = $2 AND f.path = $3)`,
    [tillId, except?.setId ?? '', except?.path ?? ''],
  );
  return toInt(rows[0]?.used ?? 0);
}

export interface TillUsage {
  /** Bytes in the till's sets, leaving out the file about to be replaced. */
  bytes: number;
  /** Files in the till's sets, leaving out the file about to be replaced. */
  files: number;
  /** Sets of the till holding files, other than the target set. */
  otherSets: number;
  /** Whether the target set holds files already (it counts among the till's sets). */
  setHasFiles: boolean;
  /** Whether the upload replaces an existing file (counts nothing new). */
  replaces: boolean;
}

/** What a till's off-site sets hold, for the quota checks of an upload to `target`. */
export async function tillUsage(sql: Sql, tillId: string, target: BackupFileKey): Promise<TillUsage> {
  const rows = await sql.query<{ bytes: unknown; files: unknown; other_sets: unknown; set_files: unknown; replaces: unknown }>(
    `SELECT coalesce(sum(f.size) FILTER (WHERE NOT (f.set_id = $2 AND f.path = $3)), 0) AS bytes,
            count(*) FILTER (WHERE NOT (f.set_id = $2 AND f.path = $3)) AS files,
            count(DISTINCT f.set_id) FILTER (WHERE f.set_id <> $2) AS other_sets,
            count(*) FILTER (WHERE f.set_id = $2) AS set_files,
            count(*) FILTER (WHERE f.set_id = $2 AND f.path = $3) AS replaces
       FROM backup_files f JOIN backup_sets s ON s.set_id = f.set_id
      WHERE s.till_id = $1`,
    [tillId, target.setId, target.path],
  );
  const r = rows[0];
  return {
    bytes: toInt(r?.bytes ?? 0),
    files: toInt(r?.files ?? 0),
    otherSets: toInt(r?.other_sets ?? 0),
    setHasFiles: toInt(r?.set_files ?? 0) > 0,
    replaces: toInt(r?.replaces ?? 0) > 0,
  };
}

/** Deletes a whole set (the operator freeing a retired till's space); false when unknown. */
export async function deleteBackupSet(tx: Sql, setId: string): Promise<boolean> {
  await tx.query(`DELETE FROM backup_files WHERE set_id = $1`, [setId]);
  const rows = await tx.query(`DELETE FROM backup_sets WHERE set_id = $1 RETURNING set_id`, [setId]);
  return rows.length > 0;
}
