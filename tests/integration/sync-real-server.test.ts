// The engine against the real back office (in-process, in-memory PGlite, demo data): pair with a
// code from the admin API, pull everything, see a back-office price change, and push receipts
// whose first answer is lost: the server holds each receipt once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackOffice, DEMO_ADMIN_PASSWORD } from '../../server/backOffice';
import { openPglite } from '../../server/store/pglite';
import { CATEGORIES } from '@model';
import { pair } from '../../src/sync/engine/pair';
import { runCycle } from '../../src/sync/engine/cycle';
import { pullCategory } from '../../src/sync/engine/pull';
import { pushOutbox } from '../../src/sync/engine/push';
import type { EngineDeps } from '../../src/sync/engine/types';
import { syncStoreOf } from '../../src/sync/dexieStore';
import { enqueueMutation } from '../../src/db/outbox';
import { aReceipt, freshDb, NOW } from '../../src/sync/testing/fixtures';
import type { OrgDatabase } from '../../src/db/schema';

let stop: () => Promise<void>;
let url = '';
let admin = '';
const local: OrgDatabase = freshDb();

async function call(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(admin ? { authorization: `Bearer ${admin}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  const db = await openPglite();
  const server = await startBackOffice({ db, demo: true });
  url = server.url;
  stop = async () => (await server.close(), await db.close());
  admin = (await call('/admin/login', { method: 'POST', body: { password: DEMO_ADMIN_PASSWORD } })).body.token as string;
});
afterAll(async () => {
  await stop();
  await local.delete();
});

describe('sync engine against the real back office', () => {
  it('pairs, pulls, sees a price change and pushes each receipt once', async () => {
    const { code } = (await call('/admin/sync-codes', { method: 'POST' })).body as { code: string };
    const clock = { now: () => new Date() };
    const paired = await pair(
      { fetch: (i, init) => fetch(i, init), clock, serverUrl: url, installId: 'install-real-1', deviceName: 'Till', appVersion: '0.1.0', openStore: () => syncStoreOf(local) },
      code,
    );
    if (!paired.ok) throw new Error(`pairing failed: ${paired.reason} ${paired.code ?? ''}`);
    const deps: EngineDeps = { store: syncStoreOf(local), fetch: (i, init) => fetch(i, init), clock, random: () => 0.5, pageLimit: 100 };
    const cycle = await runCycle(deps, CATEGORIES);
    expect(cycle.failure).toBeUndefined();
    const summary = (await call('/admin/summary')).body as { counts: Record<string, number> };
    expect(await local.articles.count()).toBe(summary.counts.article);
    expect(await local.prices.count()).toBe(summary.counts.price);
    expect(await local.parameters.get('shop')).toBeDefined();

    const price = await local.prices.toCollection().first();
    if (!price) throw new Error('demo has no prices');
    const put = await call(`/admin/records/price/${price.id}`, { method: 'PUT', body: { ...price, amount: price.amount + 111 } });
    expect(put.status).toBe(200);
    expect(await pullCategory(deps, 'prices')).toMatchObject({ ok: true, pulled: 1 });
    expect((await local.prices.get(price.id))?.amount).toBe(price.amount + 111);

    for (let n = 1; n <= 20; n++) {
      await local.transaction('rw', [local.outbox, local.settings], () =>
        enqueueMutation(local, { id: `real-sale-${n}`, kind: 'receipt', op: 'upsert', data: { ...aReceipt(n), id: `rr-${n}`, tillId: paired.link.tillId } }, NOW.toISOString()),
      );
    }
    let lose = true;
    const lossy: EngineDeps = {
      ...deps,
      fetch: async (i, init) => {
        const res = await fetch(i, init);
        if (lose && i.endsWith('/push')) {
          lose = false;
          throw new TypeError('connection reset after the server committed');
        }
        return res;
      },
    };
    expect(await pushOutbox(lossy, 8)).toMatchObject({ ok: false, reason: 'offline' });
    expect(await pushOutbox(lossy, 8)).toMatchObject({ ok: true, duplicate: 8, applied: 12, remaining: 0 });
    const receipts = (await call(`/admin/receipts?tillId=${paired.link.tillId}&limit=100`)).body as { total?: number; items?: unknown[] };
    expect(receipts.total ?? receipts.items?.length).toBe(20);
  });
});
