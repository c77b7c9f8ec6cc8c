// Small server-wide settings kept in the database: the organization, its stores, the epoch that
// invalidates old checkpoints, and the key that signs them.
import type { Sql } from './sql';

export async function getMeta<T>(sql: Sql, key: string): Promise<T | undefined> {
  const rows = await sql.query<{ value: T }>(`SELECT value FROM meta WHERE key = $1`, [key]);
  return rows[0]?.value;
}

export async function setMeta(sql: Sql, key: string, value: unknown): Promise<void> {
  await sql.query(
    `INSERT INTO meta (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [key, JSON.stringify(value)],
  );
}

/** Sets the value only when absent and returns what is stored (first writer wins). */
export async function ensureMeta<T>(sql: Sql, key: string, value: T): Promise<T> {
  await sql.query(`INSERT INTO meta (key, value) VALUES ($1, $2::jsonb) ON CONFLICT (key) DO NOTHING`, [key, JSON.stringify(value)]);
  return (await getMeta<T>(sql, key)) as T;
}
