// The back-office administrator: one password (PBKDF2, like operator PINs) and bearer sessions
// stored as SHA-256 hashes.
import { hashPin } from '@model';
import { randomBytes } from 'node:crypto';
import { safeEqual } from '../crypto';
import type { Sql } from './sql';
import { toInt } from './sql';

const ITERATIONS = 100_000;

export async function hasAdmin(sql: Sql): Promise<boolean> {
  return (await sql.query(`SELECT 1 FROM admin WHERE id = 1`)).length > 0;
}

export async function setAdminPassword(sql: Sql, password: string, now: Date): Promise<void> {
  const salt = randomBytes(16).toString('hex');
  const hash = await hashPin(password, salt, ITERATIONS);
  await sql.query(
    `INSERT INTO admin (id, password_hash, password_salt, password_iterations, updated_at) VALUES (1, $1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash, password_salt = excluded.password_salt,
       password_iterations = excluded.password_iterations, updated_at = excluded.updated_at`,
    [hash, salt, ITERATIONS, now],
  );
}

export async function checkAdminPassword(sql: Sql, password: string): Promise<boolean> {
  const rows = await sql.query<{ password_hash: string; password_salt: string; password_iterations: unknown }>(
    `SELECT password_hash, password_salt, password_iterations FROM admin WHERE id = 1`,
  );
  const row = rows[0];
  if (!row) return false;
  const hash = await hashPin(password, row.password_salt, toInt(row.password_iterations));
  return safeEqual(hash, row.password_hash);
}

export async function insertAdminSession(sql: Sql, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
  await sql.query(`INSERT INTO admin_sessions (token_hash, created_at, expires_at) VALUES ($1, $2, $3)`, [tokenHash, now, expiresAt]);
}

export async function isAdminSession(sql: Sql, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await sql.query(`SELECT 1 FROM admin_sessions WHERE token_hash = $1 AND expires_at > $2`, [tokenHash, now]);
  return rows.length > 0;
}
