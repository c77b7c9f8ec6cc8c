// The back-office administrator: one password and bearer sessions stored as SHA-256 hashes.
// The password is hashed with scrypt (node:crypto); its parameters are stored with the hash so
// they can be raised later. Rows from before migration 4 (PBKDF2-SHA-256, 100k iterations) still
// verify and are rehashed with the current parameters at the next successful login.
import { hashPin } from '@model';
import { randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { randomId, safeEqual } from '../crypto';
import type { Sql } from './sql';
import { toInt, toIso } from './sql';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB per hash; maxmem leaves room above it. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 32 };
export const MIN_PASSWORD_LENGTH = 10;

function scryptHex(password: string, saltHex: string, params: ScryptParams): Promise<string> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 128 * params.N * params.r * 2 + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), Buffer.from(saltHex, 'hex'), params.keylen, options, (err, key) => (err ? reject(err) : resolve(key.toString('hex')))),
  );
}

/** Counts password hash computations (tests check that refused attempts never reach one). */
export const passwordHashStats = { computed: 0 };

interface AdminRow {
  password_hash: string;
  password_salt: string;
  password_iterations: unknown;
  password_scheme: string;
  password_params: unknown;
  must_change: boolean;
}

export async function hasAdmin(sql: Sql): Promise<boolean> {
  return (await sql.query(`SELECT 1 FROM admin WHERE id = 1`)).length > 0;
}

export async function setAdminPassword(sql: Sql, password: string, now: Date, options: { mustChange?: boolean; params?: ScryptParams } = {}): Promise<void> {
  const params = options.params ?? SCRYPT_PARAMS;
  const salt = randomBytes(16).toString('hex');
  passwordHashStats.computed++;
  const hash = await scryptHex(password, salt, params);
  await sql.query(
    `INSERT INTO admin (id, password_hash, password_salt, password_iterations, password_scheme, password_params, must_change, updated_at)
       VALUES (1, $1, $2, 0, 'scrypt', $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET password_hash = excluded.password_hash, password_salt = excluded.password_salt,
       password_iterations = excluded.password_iterations, password_scheme = excluded.password_scheme,
       password_params = excluded.password_params, must_change = excluded.must_change, updated_at = excluded.updated_at`,
    [hash, salt, JSON.stringify(params), options.mustChange ?? false, now],
  );
}

function parseParams(value: unknown): ScryptParams | null {
  const p = (typeof value === 'string' ? JSON.parse(value) : value) as Partial<ScryptParams> | null;
  if (!p || typeof p.N !== 'number' || typeof p.r !== 'number' || typeof p.p !== 'number' || typeof p.keylen !== 'number') return null;
  return { N: p.N, r: p.r, p: p.p, keylen: p.keylen };
}

export interface PasswordCheck {
  ok: boolean;
  /** The stored hash uses an older scheme or weaker parameters than SCRYPT_PARAMS. */
  outdated: boolean;
  mustChange: boolean;
}

export async function checkAdminPassword(sql: Sql, password: string): Promise<PasswordCheck> {
  const rows = await sql.query<AdminRow>(
    `SELECT password_hash, password_salt, password_iterations, password_scheme, password_params, must_change FROM admin WHERE id = 1`,
  );
  const row = rows[0];
  if (!row) return { ok: false, outdated: false, mustChange: false };
  passwordHashStats.computed++;
  let hash: string;
  let outdated = true;
  if (row.password_scheme === 'scrypt') {
    const params = parseParams(row.password_params);
    if (!params) return { ok: false, outdated: false, mustChange: row.must_change };
    hash = await scryptHex(password, row.password_salt, params);
    outdated = params.N < SCRYPT_PARAMS.N || params.r < SCRYPT_PARAMS.r || params.keylen < SCRYPT_PARAMS.keylen;
  } else {
    hash = await hashPin(password, row.password_salt, toInt(row.password_iterations));
  }
  return { ok: safeEqual(hash, row.password_hash), outdated, mustChange: row.must_change };
}

/** The stored password's scheme (tests and the rehash check). */
export async function adminPasswordScheme(sql: Sql): Promise<{ scheme: string; params: ScryptParams | null } | null> {
  const rows = await sql.query<{ password_scheme: string; password_params: unknown }>(`SELECT password_scheme, password_params FROM admin WHERE id = 1`);
  const row = rows[0];
  return row ? { scheme: row.password_scheme, params: parseParams(row.password_params) } : null;
}

export async function adminMustChange(sql: Sql): Promise<boolean> {
  const rows = await sql.query<{ must_change: boolean }>(`SELECT must_change FROM admin WHERE id = 1`);
  return rows[0]?.must_change ?? false;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  clientIp: string | null;
  userAgent: string | null;
}

export async function insertAdminSession(
  sql: Sql,
  tokenHash: string,
  now: Date,
  expiresAt: Date,
  client: { ip?: string | null; userAgent?: string | null } = {},
): Promise<string> {
  const id = randomId('ses_');
  await sql.query(
    `INSERT INTO admin_sessions (id, token_hash, created_at, last_seen_at, expires_at, client_ip, user_agent) VALUES ($1, $2, $3, $3, $4, $5, $6)`,
    [id, tokenHash, now, expiresAt, client.ip ?? null, client.userAgent?.slice(0, 300) ?? null],
  );
  return id;
}

/** The live session with this token hash (its id), or null when unknown, revoked or expired. */
export async function findAdminSession(sql: Sql, tokenHash: string, now: Date): Promise<{ id: string; lastSeenAt: Date | null } | null> {
  const rows = await sql.query<{ id: string; last_seen_at: unknown }>(
    `SELECT id, last_seen_at FROM admin_sessions WHERE token_hash = $1 AND expires_at > $2`,
    [tokenHash, now],
  );
  const row = rows[0];
  if (!row) return null;
  return { id: row.id, lastSeenAt: row.last_seen_at ? new Date(toIso(row.last_seen_at)) : null };
}

export async function isAdminSession(sql: Sql, tokenHash: string, now: Date): Promise<boolean> {
  return (await findAdminSession(sql, tokenHash, now)) !== null;
}

export async function touchAdminSession(sql: Sql, id: string, now: Date): Promise<void> {
  await sql.query(`UPDATE admin_sessions SET last_seen_at = $2 WHERE id = $1`, [id, now]);
}

export async function listAdminSessions(sql: Sql, now: Date): Promise<SessionInfo[]> {
  const rows = await sql.query<{ id: string; created_at: unknown; last_seen_at: unknown; expires_at: unknown; client_ip: string | null; user_agent: string | null }>(
    `SELECT id, created_at, last_seen_at, expires_at, client_ip, user_agent FROM admin_sessions WHERE expires_at > $1 ORDER BY created_at DESC, id LIMIT 200`,
    [now],
  );
  return rows.map((r) => ({
    id: r.id,
    createdAt: toIso(r.created_at),
    lastSeenAt: r.last_seen_at ? toIso(r.last_seen_at) : null,
    expiresAt: toIso(r.expires_at),
    clientIp: r.client_ip,
    userAgent: r.user_agent,
  }));
}

export async function revokeAdminSession(sql: Sql, id: string): Promise<boolean> {
  return (await sql.query(`DELETE FROM admin_sessions WHERE id = $1 RETURNING id`, [id])).length > 0;
}

/** Revokes every session but `keepId` (all of them when it is absent); returns how many. */
export async function revokeOtherAdminSessions(sql: Sql, keepId?: string): Promise<number> {
  const rows = keepId
    ? await sql.query(`DELETE FROM admin_sessions WHERE id <> $1 RETURNING id`, [keepId])
    : await sql.query(`DELETE FROM admin_sessions RETURNING id`);
  return rows.length;
}

export async function pruneAdminSessions(sql: Sql, now: Date): Promise<number> {
  return (await sql.query(`DELETE FROM admin_sessions WHERE expires_at <= $1 RETURNING id`, [now])).length;
}
