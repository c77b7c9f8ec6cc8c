// Where the conformance suite runs: in-process back offices on PGlite (temp folder) and, when
// PG_TEST_URL is set, on PostgreSQL (a fresh schema per run) — or, when CONFORMANCE_BASE_URL is
// set, only against that external server (CONFORMANCE_ADMIN_PASSWORD gives its admin password).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startBackOffice } from '../../server/backOffice';
import { createOffsetClock } from '@model';
import { openPglite } from '../../server/store/pglite';
import { dropSchema, openPostgres } from '../../server/store/postgres';
import type { Database } from '../../server/store/sql';

export interface Target {
  name: string;
  baseUrl: string;
  adminPassword: string;
  /** Moves the server's clock forward; absent for an external server. */
  advanceClock?: (ms: number) => void;
  close(): Promise<void>;
}

const ADMIN_PASSWORD = 'conformance-admin';

export function targetNames(): string[] {
  if (process.env.CONFORMANCE_BASE_URL) return ['external'];
  return process.env.PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export async function startTarget(name: string, options: { backupQuotaBytes?: number } = {}): Promise<Target> {
  if (name === 'external') {
    return {
      name,
      baseUrl: (process.env.CONFORMANCE_BASE_URL ?? '').replace(/\/$/, ''),
      adminPassword: process.env.CONFORMANCE_ADMIN_PASSWORD ?? 'admin',
      close: async () => undefined,
    };
  }
  const clock = createOffsetClock();
  let db: Database;
  let cleanup: () => Promise<void>;
  if (name === 'postgres') {
    const url = process.env.PG_TEST_URL as string;
    const schema = `conf_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    db = await openPostgres(url, { schema });
    cleanup = () => dropSchema(url, schema);
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), 'pos-conformance-'));
    db = await openPglite(dir);
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  const server = await startBackOffice({ db, clock, adminPassword: ADMIN_PASSWORD, backupQuotaBytes: options.backupQuotaBytes });
  return {
    name,
    baseUrl: server.url,
    adminPassword: ADMIN_PASSWORD,
    advanceClock: (ms) => clock.advance(ms),
    close: async () => {
      await server.close();
      await db.close();
      await cleanup();
    },
  };
}
