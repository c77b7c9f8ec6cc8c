// A full disk under PostgreSQL (PG_TEST_URL, superuser): the receipts table and its indexes are
// moved to a tablespace on a small tmpfs, a ballast table fills it, and pushes must answer
// 507 storage_full (SQLSTATE 53100), keep every acknowledged receipt, and succeed again once the
// ballast is dropped. Skipped (with the reason) without PostgreSQL, superuser or tmpfs mounts.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackOffice } from '../../server/backOffice';
import { dropSchema, openPostgres } from '../../server/store/postgres';
import { adminToken, call, makeReceipt, pairTill, receiptMutation } from '../conformance/client';
import type { Target } from '../conformance/harness';

const url = process.env.PG_TEST_URL;

function mountTablespaceDir(): { dir: string } | { skip: string } {
  if (!url) return { skip: 'PG_TEST_URL is not set' };
  const dir = mkdtempSync(join(tmpdir(), 'pos-pgts-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('chown', ['postgres:postgres', dir], { stdio: 'pipe' });
    execFileSync('chmod', ['0700', dir], { stdio: 'pipe' });
    return { dir };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `a tmpfs for the tablespace cannot be mounted here (${String(e).split('\n')[0]})` };
  }
}

const mounted = mountTablespaceDir();
if ('skip' in mounted) console.warn(`storage-full-postgres is SKIPPED: ${mounted.skip}`);
afterAll(() => {
  if (!('dir' in mounted)) return;
  try {
    execFileSync('umount', ['-l', mounted.dir], { stdio: 'pipe' });
  } catch {
    // unmounted by the test
  }
  rmSync(mounted.dir, { recursive: true, force: true });
});

describe.skipIf('skip' in mounted)('full disk under PostgreSQL (tablespace on a tmpfs)', () => {
  it('answers 507 storage_full, loses nothing, and resumes when space returns', async () => {
    const dir = (mounted as { dir: string }).dir;
    const schema = `full_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const ts = `pos_ts_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const db = await openPostgres(url as string, { schema });
    const server = await startBackOffice({ db, adminPassword: 'pg-full-admin', demoArticles: 5 });
    try {
      await admin.query(`CREATE TABLESPACE ${ts} LOCATION '${dir}'`);
      await admin.query(`ALTER TABLE ${schema}.receipts SET TABLESPACE ${ts}`);
      for (const index of ['receipts_pkey', 'receipts_mutation_id_key', 'receipts_created', 'receipts_till']) {
        await admin.query(`ALTER INDEX ${schema}.${index} SET TABLESPACE ${ts}`);
      }
      const t: Target = { name: 'postgres', baseUrl: server.url, adminPassword: 'pg-full-admin', close: async () => undefined };
      const { tillId, token } = await pairTill(t, await adminToken(t));
      const batch = () =>
        Array.from({ length: 50 }, () => {
          const r = makeReceipt(tillId);
          return receiptMutation({ ...r, lines: r.lines.map((l) => ({ ...l, name: `T ${randomBytes(45).toString('hex')}` })) });
        });
      const push = (mutations: unknown[]) => call(t, 'POST', '/api/v1/push', { token, body: { mutations } });
      const first = batch();
      expect((await push(first)).status).toBe(200);
      const acknowledged = first.map((m) => m.id);

      // Ballast in the same tablespace until PostgreSQL refuses to extend it.
      await admin.query(`CREATE TABLE ${schema}.ballast (b text) TABLESPACE ${ts}`);
      let ballastError = '';
      for (let i = 0; i < 10_000 && !ballastError; i++) {
        await admin.query(`INSERT INTO ${schema}.ballast SELECT md5(random()::text) || md5(random()::text) FROM generate_series(1, 2000)`).catch((e: { code?: string }) => {
          ballastError = e.code ?? 'error';
        });
      }
      expect(ballastError).toBe('53100');

      let refused: { status: number; body: unknown } | null = null;
      let refusedBatch: { id: string }[] = [];
      for (let i = 0; i < 50 && !refused; i++) {
        const b = batch();
        const r = await push(b);
        if (r.status === 200) acknowledged.push(...b.map((m) => m.id));
        else {
          refused = r;
          refusedBatch = b;
        }
      }
      console.log(`full disk on PostgreSQL: ${acknowledged.length} receipts acknowledged; then ${refused?.status} ${JSON.stringify(refused?.body)}`);
      expect(refused?.status).toBe(507);
      expect(refused?.body).toMatchObject({ error: { code: 'storage_full' } });

      await admin.query(`DROP TABLE ${schema}.ballast`);
      await admin.query('CHECKPOINT');
      expect((await push(refusedBatch)).status).toBe(200);
      acknowledged.push(...refusedBatch.map((m) => m.id));
      const rows = await db.query<{ mutation_id: string }>(`SELECT mutation_id FROM receipts`);
      expect(new Set(rows.map((r) => r.mutation_id))).toEqual(new Set(acknowledged));
      console.log(`full disk on PostgreSQL: after the ballast was dropped the refused batch went through; ${rows.length} receipts, all acknowledged present`);
    } finally {
      await server.close();
      await db.close();
      await dropSchema(url as string, schema).catch(() => undefined);
      await admin.query(`DROP TABLESPACE IF EXISTS ${ts}`).catch(() => undefined);
      await admin.end();
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      } catch {
        // not mounted
      }
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
