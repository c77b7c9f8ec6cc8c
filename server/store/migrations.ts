// Versioned schema migrations, recorded in the `migrations` table. Append new versions; never
// edit an applied one. Each runs in its own transaction with the same SQL on both engines.
import type { Database } from './sql';
import { toInt } from './sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
      CREATE TABLE meta (key text PRIMARY KEY, value jsonb NOT NULL);
      -- One row: the last assigned change sequence. Writers bump it with UPDATE ... RETURNING,
      -- which holds the row lock until commit, so revs become visible in strictly increasing order.
      CREATE TABLE change_seq (id int PRIMARY KEY, last bigint NOT NULL);
      INSERT INTO change_seq (id, last) VALUES (1, 0);
      CREATE TABLE records (
        kind text NOT NULL,
        id text NOT NULL,
        rev bigint NOT NULL,
        deleted boolean NOT NULL DEFAULT false,
        data jsonb,
        origin text NOT NULL DEFAULT 'backoffice',
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (kind, id)
      );
      CREATE UNIQUE INDEX records_rev ON records (rev);
      CREATE INDEX records_kind_rev ON records (kind, rev);
      CREATE SEQUENCE document_seq;
      CREATE TABLE receipts (
        id text PRIMARY KEY,
        mutation_id text NOT NULL UNIQUE,
        till_id text NOT NULL,
        rev bigint NOT NULL,
        created_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        total bigint NOT NULL,
        vat bigint NOT NULL,
        data jsonb NOT NULL
      );
      CREATE INDEX receipts_created ON receipts (created_at DESC, id);
      CREATE INDEX receipts_till ON receipts (till_id, created_at DESC);
      CREATE TABLE shift_reports (
        id text PRIMARY KEY,
        mutation_id text NOT NULL UNIQUE,
        till_id text NOT NULL,
        rev bigint NOT NULL,
        received_at timestamptz NOT NULL,
        data jsonb NOT NULL
      );
      CREATE TABLE mutations (
        id text PRIMARY KEY,
        till_id text NOT NULL,
        result jsonb,
        created_at timestamptz NOT NULL
      );
      CREATE SEQUENCE till_number_seq;
      CREATE TABLE tills (
        id text PRIMARY KEY,
        code text NOT NULL UNIQUE,
        token_hash text NOT NULL UNIQUE,
        install_id text NOT NULL,
        device_name text NOT NULL,
        app_version text,
        last_seen timestamptz,
        pending int,
        revoked boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE sync_codes (
        code text PRIMARY KEY,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        till_id text,
        attempts int NOT NULL DEFAULT 0
      );
      CREATE TABLE admin (
        id int PRIMARY KEY,
        password_hash text NOT NULL,
        password_salt text NOT NULL,
        password_iterations int NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE admin_sessions (
        token_hash text PRIMARY KEY,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'backup_files',
    sql: `
      -- The off-site backup copy (docs/backup-format.md): opaque, already encrypted files of a
      -- till's backup set. The server never sees the password.
      CREATE TABLE backup_files (
        till_id text NOT NULL,
        set_id text NOT NULL,
        path text NOT NULL,
        bytes bytea NOT NULL,
        size bigint NOT NULL,
        sha256 text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (till_id, set_id, path)
      );
    `,
  },
  {
    version: 3,
    name: 'backup_sets',
    sql: `
      -- Off-site backup sets belong to the back office (one shop), not to one till id: any paired
      -- till may list and read them (a replacement tablet restores the old one's copy; the files
      -- are encrypted), only the owning till writes, and pairing again from the same device
      -- (same install id) takes the set over. Sizes per owner enforce the per-till quota.
      CREATE TABLE backup_sets (
        set_id text PRIMARY KEY,
        till_id text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX backup_sets_till ON backup_sets (till_id);
      INSERT INTO backup_sets (set_id, till_id, created_at, updated_at)
        SELECT set_id, min(till_id), min(updated_at), max(updated_at) FROM backup_files GROUP BY set_id;
      DELETE FROM backup_files f USING backup_sets s WHERE f.set_id = s.set_id AND f.till_id <> s.till_id;
      ALTER TABLE backup_files DROP CONSTRAINT backup_files_pkey;
      ALTER TABLE backup_files DROP COLUMN till_id;
      ALTER TABLE backup_files ADD PRIMARY KEY (set_id, path);
    `,
  },
  {
    version: 4,
    name: 'admin_security',
    sql: `
      -- The admin password's scheme and its parameters stored with the hash ('pbkdf2-sha256' rows
      -- from version 1 keep verifying and are rehashed to scrypt at the next successful login);
      -- must_change: the password is a one-time setup secret the admin must replace first.
      ALTER TABLE admin ADD COLUMN password_scheme text NOT NULL DEFAULT 'pbkdf2-sha256';
      ALTER TABLE admin ADD COLUMN password_params jsonb;
      ALTER TABLE admin ADD COLUMN must_change boolean NOT NULL DEFAULT false;
      -- Sessions get a public id (listing and revoking never show the token hash), last use,
      -- client address and user agent.
      ALTER TABLE admin_sessions ADD COLUMN id text;
      UPDATE admin_sessions SET id = substr(token_hash, 1, 24);
      ALTER TABLE admin_sessions ALTER COLUMN id SET NOT NULL;
      CREATE UNIQUE INDEX admin_sessions_id ON admin_sessions (id);
      CREATE INDEX admin_sessions_expires ON admin_sessions (expires_at);
      ALTER TABLE admin_sessions ADD COLUMN last_seen_at timestamptz;
      ALTER TABLE admin_sessions ADD COLUMN client_ip text;
      ALTER TABLE admin_sessions ADD COLUMN user_agent text;
      -- Attempt counters shared by every back-office process on the database (admin logins,
      -- pairings): one fixed window per bucket, reserved before the expensive check.
      CREATE TABLE rate_limits (
        bucket text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        count int NOT NULL
      );
      CREATE INDEX rate_limits_window ON rate_limits (window_start);
    `,
  },
];

/** Applies pending migrations; returns the versions it applied. Serialised by an advisory lock
 * so two servers starting on one PostgreSQL do not race. */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(7261001)`);
      const rows = await tx.query<{ version: unknown }>(`SELECT version FROM migrations WHERE version = $1`, [m.version]);
      if (rows.length > 0) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query(`INSERT INTO migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.version);
  }
  return applied;
}

export async function schemaVersion(db: Database): Promise<number> {
  const rows = await db.query<{ v: unknown }>(`SELECT coalesce(max(version), 0) AS v FROM migrations`);
  return toInt(rows[0]?.v ?? 0);
}

/** Extended-protocol queries take one statement each; migrations hold no `;` inside literals. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
