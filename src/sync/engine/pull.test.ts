import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTestBackOffice } from '../testing/testBackOffice';
import { aPrice, anArticle, engineDeps, pairWith } from '../testing/fixtures';
import { STORE_ADAPTERS, type StoreHarness } from '../testing/stores';
import { toArticleRow } from '../../db/schema';
import { pullCategory } from './pull';

const fake = withTestBackOffice();

describe.each(STORE_ADAPTERS)('pullCategory (%s store)', (_name, createStore) => {
  let h: StoreHarness;
  let store: StoreHarness['store'];
  beforeEach(async () => {
    h = createStore();
    store = h.store;
    await pairWith(fake.current, store);
  });
  afterEach(async () => h.dispose());

  it('pulls every page and stores the last checkpoint with the sync time', async () => {
    for (let i = 1; i <= 25; i++) await fake.current.upsert('article', `a${i}`, anArticle(i));
    const progress: number[] = [];
    const res = await pullCategory(engineDeps(store, { pageLimit: 10 }), 'articles', (p) => progress.push(p.done));
    expect(res).toMatchObject({ ok: true, pulled: 25, pages: 3 });
    expect(progress).toEqual([10, 20, 25]);
    expect(await h.count('articles')).toBe(25);
    const row = await h.get('articles', 'a7');
    expect(row).toMatchObject({ origin: 'erp', nameKey: 'article 7', activeFlag: 1 });
    const state = await h.get('syncState', 'articles');
    expect(state).toMatchObject({ checkpoint: expect.any(String), lastSyncedAt: '2026-03-01T10:00:00.000Z', lastError: null });
    // The checkpoint stored is the one the last page gave: pulling again sends it and gets nothing.
    expect(await pullCategory(engineDeps(store), 'articles')).toMatchObject({ ok: true, pulled: 0 });
    expect(fake.current.pullRequests.at(-1)).toBe(`articles:${String(state?.checkpoint)}`);
  });

  it('sends the stored checkpoint and applies only the delta, tombstones deleting', async () => {
    for (let i = 1; i <= 3; i++) await fake.current.upsert('price', `p${i}`, aPrice(i, 100));
    await pullCategory(engineDeps(store), 'prices');
    const checkpoint = (await h.get('syncState', 'prices'))?.checkpoint;
    await fake.current.upsert('price', 'p2', aPrice(2, 555));
    await fake.current.remove('price', 'p3');
    const res = await pullCategory(engineDeps(store), 'prices');
    expect(res).toMatchObject({ ok: true, pulled: 2 });
    expect(fake.current.pullRequests.at(-1)).toBe(`prices:${String(checkpoint)}`);
    expect((await h.get('prices', 'p2'))?.amount).toBe(555);
    expect(await h.get('prices', 'p3')).toBeUndefined();
    expect(await h.count('prices')).toBe(2);
  });

  it('replaces the category on reset but keeps goods created at the till', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1));
    await fake.current.upsert('article', 'a2', anArticle(2));
    await pullCategory(engineDeps(store), 'articles');
    // The server forgot a2 without a tombstone, and our checkpoint expired.
    await fake.current.db.query(`DELETE FROM records WHERE kind = 'article' AND id = 'a2'`);
    fake.current.expireCheckpoints();
    await h.put('articles', toArticleRow(anArticle(99), 'local'));
    const res = await pullCategory(engineDeps(store), 'articles');
    expect(res).toMatchObject({ ok: true, snapshot: true });
    expect(await h.keys('articles')).toEqual(['a1', 'a99']);
  });

  it('keeps every old row while a reset snapshot fails midway, and moves no checkpoint', async () => {
    for (let i = 1; i <= 4; i++) await fake.current.upsert('price', `p${i}`, aPrice(i, 100));
    await pullCategory(engineDeps(store), 'prices');
    const checkpoint = (await h.get('syncState', 'prices'))?.checkpoint;
    fake.current.expireCheckpoints();
    await fake.current.upsert('price', 'p5', aPrice(5, 100));
    // page 1 answers, page 2 fails
    const deps = engineDeps(store, { pageLimit: 2 });
    let calls = 0;
    const failing = engineDeps(store, {
      pageLimit: 2,
      fetch: (i, init) => (++calls === 2 ? Promise.reject(new TypeError('net down')) : deps.fetch(i, init)),
    });
    const res = await pullCategory(failing, 'prices');
    expect(res).toMatchObject({ ok: false, reason: 'offline' });
    expect(await h.count('prices')).toBeGreaterThanOrEqual(4);
    expect((await h.get('syncState', 'prices'))?.checkpoint).toBe(checkpoint);
    expect((await h.get('syncState', 'prices'))?.lastError).toBe('offline');
  });

  it('writes nothing when a page is malformed and records the reason', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1));
    fake.current.faults.pull.push('malformed');
    const res = await pullCategory(engineDeps(store), 'articles');
    expect(res).toMatchObject({ ok: false, reason: 'malformed-response' });
    expect(await h.count('articles')).toBe(0);
    expect(await h.get('syncState', 'articles')).toMatchObject({ checkpoint: null, lastError: 'malformed-response' });
  });

  it('reports a failing store as storage-error, writing nothing and moving no checkpoint', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1));
    h.failNextWrite();
    const res = await pullCategory(engineDeps(store), 'articles');
    expect(res).toMatchObject({ ok: false, reason: 'storage-error', code: 'QuotaExceededError' });
    expect(await h.count('articles')).toBe(0);
    expect(await h.get('syncState', 'articles')).toMatchObject({ checkpoint: null, lastError: 'storage-error' });
  });

  it('writes nothing when one record of a page fails its schema', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1));
    await fake.current.upsert('article', 'a2', { ...anArticle(2), price: 1.5 });
    const res = await pullCategory(engineDeps(store), 'articles');
    expect(res).toMatchObject({ ok: false, reason: 'malformed-response' });
    expect(await h.count('articles')).toBe(0);
  });

  it('stores parameters under the shop key and currencies by code', async () => {
    await fake.current.upsert('parameters', 'shop', { shopName: 'S', receiptHeader: '', receiptFooter: '', taxMode: 'inclusive', baseCurrency: 'EUR', cashRounding: 1 });
    await fake.current.upsert('currency', 'USD', { code: 'USD', name: 'Dollar', decimals: 2, rate: '0.9', acceptedAsCash: true });
    await pullCategory(engineDeps(store), 'parameters');
    await pullCategory(engineDeps(store), 'currencies');
    expect((await h.get('parameters', 'shop'))?.shopName).toBe('S');
    expect((await h.get('currencies', 'USD'))?.rate).toBe('0.9');
  });

  it('refuses to pull when the till is not paired', async () => {
    const other = createStore();
    expect(await pullCategory(engineDeps(other.store), 'articles')).toMatchObject({ ok: false, reason: 'unpaired' });
    await other.dispose();
  });
});
