// The RxDB pull endpoint of the peer benchmark: RxDB's {documents, checkpoint} paging over the
// same records as /pull, behind the same till token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import { DEMO_ADMIN_PASSWORD, prepareDatabase } from '../backOffice';
import { systemClock } from '@model';
import { openPglite } from '../store/pglite';
import type { Database } from '../store/sql';
import { createApp } from './app';
import { rxdbRoutes, type RxdbPullResponse } from './rxdbRoutes';

let db: Database;
let app: Hono;
let admin = '';
let till = '';

async function call(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await app.request(`/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const pull = async (kind: string, query: string) => (await call(`/rxdb/${kind}/pull?${query}`, { token: till })).body as unknown as RxdbPullResponse;

beforeAll(async () => {
  db = await openPglite();
  const keys = await prepareDatabase(db, { demoArticles: 250, demo: true });
  // Mounted as the bench server mounts it (tests/bench/bench-server.ts); production does not.
  app = createApp({ db, clock: systemClock, keys, distDir: 'dist', extraApiRoutes: [{ path: '/rxdb', routes: rxdbRoutes({ db }) }] });
  admin = (await call('/admin/login', { method: 'POST', body: { password: DEMO_ADMIN_PASSWORD } })).body.token as string;
  const { code } = (await call('/admin/sync-codes', { method: 'POST', token: admin })).body;
  till = (await call('/pair', { method: 'POST', body: { code, installId: 'install-rxdb-1', deviceName: 'T', appVersion: '1' } })).body.token as string;
});
afterAll(async () => {
  await db?.close();
});

describe('RxDB pull endpoint', () => {
  it('answers only to a paired till and only for the catalog kinds', async () => {
    expect((await call('/rxdb/article/pull')).status).toBe(401);
    expect((await call('/rxdb/article/pull', { token: 'not-a-token' })).status).toBe(401);
    expect((await call('/rxdb/operator/pull', { token: till })).status).toBe(404);
    expect((await call('/rxdb/article/pull?limit=1001', { token: till })).status).toBe(400);
  });

  it('pages every article once in rev order, then echoes the checkpoint on an empty page', async () => {
    const ids: string[] = [];
    let cp = { id: '', rev: 0 };
    for (;;) {
      const page = await pull('article', `id=${cp.id}&rev=${cp.rev}&limit=100`);
      if (page.documents.length === 0) {
        expect(page.checkpoint).toEqual(cp);
        break;
      }
      expect(page.documents.length).toBeLessThanOrEqual(100);
      expect(page.checkpoint.rev).toBeGreaterThan(cp.rev);
      expect(page.checkpoint.id).toBe(page.documents.at(-1)?.id);
      for (const d of page.documents) expect(d).toMatchObject({ _deleted: false, sku: expect.any(String) as unknown });
      ids.push(...page.documents.map((d) => d.id));
      cp = page.checkpoint;
    }
    const summary = (await call('/admin/summary', { token: admin })).body as { counts: Record<string, number> };
    expect(ids).toHaveLength(summary.counts.article ?? -1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('brings a changed price and a deleted article after the checkpoint, as RxDB documents', async () => {
    const prices = await pull('price', 'limit=1000');
    const articles = await pull('article', 'limit=1000');
    const price = prices.documents[0] as RxdbPullResponse['documents'][number] & { amount: number };
    const victim = articles.documents[0]!.id;
    const { _deleted: _, ...data } = price;
    expect((await call(`/admin/records/price/${price.id}`, { method: 'PUT', token: admin, body: { ...data, amount: price.amount + 7 } })).status).toBe(200);
    expect((await call(`/admin/records/article/${victim}`, { method: 'DELETE', token: admin })).status).toBe(200);

    const changed = await pull('price', `id=${prices.checkpoint.id}&rev=${prices.checkpoint.rev}`);
    expect(changed.documents).toEqual([{ ...data, amount: price.amount + 7, _deleted: false }]);
    const deleted = await pull('article', `id=${articles.checkpoint.id}&rev=${articles.checkpoint.rev}`);
    expect(deleted.documents).toEqual([{ id: victim, _deleted: true }]);
    expect(deleted.checkpoint.rev).toBeGreaterThan(changed.checkpoint.rev);
  });
});

describe('the production app', () => {
  it('does not serve the benchmark-only RxDB endpoint: /api/v1/rxdb/... is a 404', async () => {
    const keys = await prepareDatabase(db, { seedDemo: false });
    const production = createApp({ db, clock: systemClock, keys, distDir: 'dist' });
    for (const path of ['/api/v1/rxdb/article/pull', '/api/v1/rxdb/price/pull?id=&rev=0&limit=10', '/api/v1/rxdb']) {
      const res = await production.request(path, { headers: { authorization: `Bearer ${till}` } });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });
});
