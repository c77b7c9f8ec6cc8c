// Off-site backup limits besides bytes (issue "Run it in a real shop", item 5): once a till's
// space is full no new file is accepted, not even an empty one, in no new set; a till owns at most
// BACKUP_MAX_SETS sets and BACKUP_MAX_FILES files. Parallel bursts are counted one at a time
// (the upload's transaction locks the till's row), so a burst never overshoots a limit.
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackOffice, type RunningServer } from '../../server/backOffice';
import { openPglite } from '../../server/store/pglite';
import { dropSchema, openPostgres } from '../../server/store/postgres';
import type { Database } from '../../server/store/sql';
import { adminToken, pairTill } from '../conformance/client';
import type { Target } from '../conformance/harness';

const engines = process.env.PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];
const ADMIN = 'limits-admin';
const QUOTA = 64 * 1024;
const pack = (i: number) => createHash('sha256').update(String(i)).digest('hex');

describe.each(engines)('off-site backup limits on %s', (engine) => {
  let db: Database;
  let server: RunningServer;
  let t: Target;
  let admin: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    if (engine === 'postgres') {
      const schema = `lim_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      db = await openPostgres(process.env.PG_TEST_URL as string, { schema });
      cleanup = () => dropSchema(process.env.PG_TEST_URL as string, schema);
    } else {
      const dir = await mkdtemp(path.join(tmpdir(), 'pos-limits-'));
      db = await openPglite(dir);
      cleanup = () => rm(dir, { recursive: true, force: true });
    }
    server = await startBackOffice({ db, adminPassword: ADMIN, demoArticles: 5, backupQuotaBytes: QUOTA, backupLimits: { maxSets: 3, maxFiles: 12 } });
    t = { name: engine, baseUrl: server.url, adminPassword: ADMIN, close: async () => undefined };
    admin = await adminToken(t);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
    await cleanup();
  });

  const put = async (token: string, setId: string, file: string, size: number) => {
    const res = await fetch(`${t.baseUrl}/api/v1/backup/${setId}/${file}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(size) });
    const body = res.status === 204 ? null : ((await res.json()) as { error: { code: string } });
    return { status: res.status, code: body?.error.code };
  };

  it('after the quota is full, 500 empty files in 50 new sets are all refused', async () => {
    const { token } = await pairTill(t, admin);
    expect((await put(token, 'full-set', 'HEAD', QUOTA)).status).toBe(204);
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, s) => Array.from({ length: 10 }, (_, f) => put(token, `burst-${s}`, `packs/${pack(f)}`, 0))).flat(),
    );
    const refused = burst.filter((r) => r.status === 507 && r.code === 'quota_exceeded').length;
    console.log(`quota burst on ${engine}: ${burst.length} empty files into 50 new sets after the quota was full: ${refused} refused, ${burst.length - refused} accepted`);
    expect(refused).toBe(500);
    // Nor one more empty file in the full set; replacing a file within the quota still works.
    expect(await put(token, 'full-set', 'BACKUP.json', 0)).toEqual({ status: 507, code: 'quota_exceeded' });
    expect((await put(token, 'full-set', 'HEAD', QUOTA - 1)).status).toBe(204);
    const list = (await (await fetch(`${t.baseUrl}/api/v1/backup/`, { headers: { authorization: `Bearer ${token}` } })).json()) as { sets: { own: boolean }[] };
    expect(list.sets.filter((s) => s.own)).toHaveLength(1);
  });

  it('a parallel burst into 20 new sets leaves exactly maxSets (3) sets', async () => {
    const { token } = await pairTill(t, admin);
    const burst = await Promise.all(Array.from({ length: 20 }, (_, s) => put(token, `sets-${s}`, 'HEAD', 10)));
    expect(burst.filter((r) => r.status === 204)).toHaveLength(3);
    expect(burst.filter((r) => r.status === 507 && r.code === 'quota_exceeded')).toHaveLength(17);
    // More files in a set it owns are still fine.
    const owned = burst.findIndex((r) => r.status === 204);
    expect((await put(token, `sets-${owned}`, 'BACKUP.json', 10)).status).toBe(204);
  });

  it('a parallel burst of 40 files leaves exactly maxFiles (12) files', async () => {
    const { token } = await pairTill(t, admin);
    const burst = await Promise.all(Array.from({ length: 40 }, (_, f) => put(token, 'files-set', `packs/${pack(f)}`, 1)));
    expect(burst.filter((r) => r.status === 204)).toHaveLength(12);
    expect(burst.filter((r) => r.status === 507 && r.code === 'quota_exceeded')).toHaveLength(28);
    // Replacing one of them is not a new file.
    const kept = burst.findIndex((r) => r.status === 204);
    expect((await put(token, 'files-set', `packs/${pack(kept)}`, 2)).status).toBe(204);
  });
});
