// The issue's "done means", in-process: pair with a code, fill the tiles, sell offline, come back
// online, and every receipt reaches the (fake, msw) back office exactly once.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { FAKE_URL, FakeBackOffice } from '../../src/sync/testing/fakeBackOffice';
import { aPrice, aReceipt, anArticle, freshDb, NOW } from '../../src/sync/testing/fixtures';
import type { OrgDatabase } from '../../src/db/schema';
import { pair } from '../../src/sync/engine/pair';
import { syncStoreOf } from '../../src/sync/dexieStore';
import { enqueueMutation } from '../../src/db/outbox';
import { createMemoryLocks } from '../../src/sync/host/lock';
import { createPageRunner, createSyncClient } from '../../src/sync/host/page-host';
import { createSyncStatus, type AntennaState } from '../../src/sync/status';

const fake = new FakeBackOffice();
const server = setupServer(...fake.handlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
const dbs: OrgDatabase[] = [];
afterEach(async () => Promise.all(dbs.map((d) => d.delete())));

describe('sync end to end against the fake back office', () => {
  it('pairs, fills the tiles, and delivers 20 offline sales exactly once', async () => {
    for (let i = 1; i <= 300; i++) fake.upsert('article', `a${i}`, anArticle(i));
    fake.upsert('priceList', 'pl1', { id: 'pl1', name: 'Retail', priority: 1 });
    for (let i = 1; i <= 50; i++) fake.upsert('price', `p${i}`, aPrice(i, 1000 + i));
    const code = fake.issueCode('PAIR2026');
    const db = freshDb();
    dbs.push(db);
    const clock = { now: () => NOW };
    const paired = await pair(
      { fetch: (i, init) => fetch(i, init), clock, serverUrl: FAKE_URL, installId: 'install-e2e', deviceName: 'Till', appVersion: '0.1.0', openStore: () => syncStoreOf(db) },
      code,
    );
    expect(paired.ok).toBe(true);
    const orgId = 'org1';
    const runner = createPageRunner({ openDb: () => db, locks: createMemoryLocks(), clock, random: () => 0.5, timeoutMs: 500, pageLimit: 100 });
    const status = createSyncStatus(orgId, { db, client: createSyncClient({ orgId, serviceWorker: null, pageRunner: () => runner }) });
    const seen: AntennaState[] = [];
    const sub = status.state$.subscribe((s) => seen.push(s));

    await status.requestSync('all');
    expect(await db.articles.count()).toBe(300);
    const tiles = await firstValueFrom(status.categories$.pipe(filter((c) => c.articles.lastSyncedAt !== null && c.prices.lastSyncedAt !== null)));
    expect(tiles.articles.lastError).toBeNull();
    await firstValueFrom(status.state$.pipe(filter((s) => s.allSynced)));
    expect(seen.some((s) => s.syncing)).toBe(true);

    fake.upsert('price', 'p7', aPrice(7, 4242));
    await status.requestSync(['prices']);
    expect((await db.prices.get('p7'))?.amount).toBe(4242);

    fake.down = true;
    for (let n = 1; n <= 20; n++) {
      await db.transaction('rw', [db.receipts, db.outbox, db.settings], async () => {
        await db.receipts.put({ ...aReceipt(n), seq: n });
        await enqueueMutation(db, { id: `sale-${n}`, kind: 'receipt', op: 'upsert', data: aReceipt(n) }, NOW.toISOString());
      });
    }
    await status.requestSync('push');
    const offline = await firstValueFrom(status.state$.pipe(filter((s) => s.offline && s.pending === 20)));
    expect(offline.allSynced).toBe(false);

    fake.down = false;
    fake.faults.push.push('lose-response');
    await status.requestSync('push');
    await status.requestSync('push');
    expect(fake.receiptsStored().sort()).toEqual(Array.from({ length: 20 }, (_, i) => `sale-${i + 1}`).sort());
    expect(await db.outbox.count()).toBe(0);
    await firstValueFrom(status.state$.pipe(filter((s) => s.allSynced)));
    sub.unsubscribe();
    status.dispose();
  });
});
