// The issue's "done means", in-process: pair with a code, fill the tiles, sell offline, come back
// online, and every receipt reaches the back office (the real app on PGlite, behind msw) exactly once.
import { afterEach, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { BACK_OFFICE_URL, withTestBackOffice } from '../../src/sync/testing/testBackOffice';
import { aPrice, aReceipt, anArticle, freshDb, NOW } from '../../src/sync/testing/fixtures';
import type { OrgDatabase } from '../../src/db/schema';
import { pair } from '../../src/sync/engine/pair';
import { syncStoreOf } from '../../src/sync/dexieStore';
import { enqueueMutation } from '../../src/db/outbox';
import { createMemoryLocks } from '../../src/sync/host/lock';
import { createPageRunner, createSyncClient } from '../../src/sync/host/page-host';
import { createSyncStatus, type AntennaState } from '../../src/sync/status';

const backOffice = withTestBackOffice();
const dbs: OrgDatabase[] = [];
afterEach(async () => Promise.all(dbs.map((d) => d.delete())));

describe('sync end to end against the back office', () => {
  it('pairs, fills the tiles, and delivers 20 offline sales exactly once', async () => {
    const fake = backOffice.current;
    await fake.upsertMany([
      ...Array.from({ length: 300 }, (_, i) => ({ kind: 'article' as const, id: `a${i + 1}`, data: anArticle(i + 1) })),
      { kind: 'priceList', id: 'pl1', data: { id: 'pl1', name: 'Retail', priority: 1 } },
      ...Array.from({ length: 50 }, (_, i) => ({ kind: 'price' as const, id: `p${i + 1}`, data: aPrice(i + 1, 1000 + i + 1) })),
    ]);
    const code = await fake.issueCode('PAIR2026');
    const db = freshDb();
    dbs.push(db);
    const clock = { now: () => NOW };
    const paired = await pair(
      { fetch: (i, init) => fetch(i, init), clock, serverUrl: BACK_OFFICE_URL, installId: 'install-e2e', deviceName: 'Till', appVersion: '0.1.0', openStore: () => syncStoreOf(db) },
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

    await fake.upsert('price', 'p7', aPrice(7, 4242));
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
    expect((await fake.receiptsStored()).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `r${i + 1}`).sort());
    expect(await db.outbox.count()).toBe(0);
    await firstValueFrom(status.state$.pipe(filter((s) => s.allSynced)));
    sub.unsubscribe();
    status.dispose();
  });
});
