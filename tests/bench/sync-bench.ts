// Sync benchmarks in Chromium against the real back office (the page runs on its origin):
// cold sync of the catalog (articles + prices) into an empty till, next to a raw Dexie bulkPut of
// the same rows in the same run; then a delta sync of 1,000 changed prices.
import { OrgDatabase } from '../../src/db/schema';
import { pair } from '../../src/sync/engine/pair';
import { pullCategory } from '../../src/sync/engine/pull';
import type { EngineDeps } from '../../src/sync/engine/types';
import { syncStoreOf } from '../../src/sync/dexieStore';

const now = () => performance.now();
let deps: EngineDeps | null = null;
let benchDb: OrgDatabase | null = null;

export async function browserColdSync(code: string): Promise<{ rows: number; coldMs: number; floorMs: number }> {
  const run = Math.random().toString(36).slice(2);
  const clock = { now: () => new Date() };
  const paired = await pair(
    { fetch: (i, init) => fetch(i, init), clock, serverUrl: location.origin, installId: `bench-${run}`, deviceName: 'bench', appVersion: 'bench', openStore: () => syncStoreOf(new OrgDatabase(`sync-bench-${run}`, { chromeTransactionDurability: 'relaxed' })) },
    code,
  );
  if (!paired.ok) throw new Error(`pair: ${paired.reason}`);
  deps = { store: paired.store, fetch: (i, init) => fetch(i, init), clock, random: Math.random, pageLimit: 1000 };
  benchDb = paired.store.db;
  let t = now();
  for (const category of ['articles', 'prices'] as const) {
    const r = await pullCategory(deps, category);
    if (!r.ok) throw new Error(`pull ${category}: ${r.reason}`);
  }
  const coldMs = now() - t;
  const { db } = paired.store;
  const [articles, groups, prices, lists, discounts] = await Promise.all([db.articles.toArray(), db.articleGroups.toArray(), db.prices.toArray(), db.priceLists.toArray(), db.discounts.toArray()]);
  const floor = new OrgDatabase(`sync-floor-${run}`, { chromeTransactionDurability: 'relaxed' });
  t = now();
  await floor.transaction('rw', [floor.articles, floor.articleGroups, floor.prices, floor.priceLists, floor.discounts], async () => {
    await floor.articles.bulkPut(articles);
    await floor.articleGroups.bulkPut(groups);
    await floor.prices.bulkPut(prices);
    await floor.priceLists.bulkPut(lists);
    await floor.discounts.bulkPut(discounts);
  });
  const floorMs = now() - t;
  floor.close();
  return { rows: articles.length + groups.length + prices.length + lists.length + discounts.length, coldMs, floorMs };
}

export async function browserDeltaPrices(): Promise<{ deltaMs: number; prices: number }> {
  if (!deps || !benchDb) throw new Error('run browserColdSync first');
  const t = now();
  const r = await pullCategory(deps, 'prices');
  if (!r.ok) throw new Error(`pull prices: ${r.reason}`);
  return { deltaMs: now() - t, prices: await benchDb.prices.count() };
}
