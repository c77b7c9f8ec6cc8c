import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTestBackOffice } from '../testing/testBackOffice';
import { anArticle, engineDeps, pairWith } from '../testing/fixtures';
import { STORE_ADAPTERS, type StoreHarness } from '../testing/stores';
import { toArticleRow } from '../../db/schema';
import { countLocalGoods, enableMirrorMode, isMirrorMode } from './mirror';
import { pullCategory } from './pull';

const fake = withTestBackOffice();

describe.each(STORE_ADAPTERS)('goods mirror mode (%s store)', (_name, createStore) => {
  let h: StoreHarness;
  let store: StoreHarness['store'];
  beforeEach(async () => {
    h = createStore();
    store = h.store;
    await pairWith(fake.current, store);
    await h.put('articles', toArticleRow(anArticle(1), 'erp'), toArticleRow(anArticle(60), 'local'), toArticleRow(anArticle(61), 'local'));
  });
  afterEach(async () => h.dispose());

  it('counts the local goods and deletes nothing without confirmation', async () => {
    expect(await countLocalGoods(store)).toBe(2);
    const res = await enableMirrorMode(engineDeps(store), { confirm: false });
    expect(res).toEqual({ ok: false, reason: 'confirmation-required', localGoods: 2 });
    expect(await h.count('articles')).toBe(3);
    expect(await isMirrorMode(store)).toBe(false);
  });

  it('with confirmation deletes only the local goods and turns the mode on', async () => {
    const res = await enableMirrorMode(engineDeps(store), { confirm: true });
    expect(res).toMatchObject({ ok: true, deleted: 2 });
    expect(await h.keys('articles')).toEqual(['a1']);
    expect(await isMirrorMode(store)).toBe(true);
  });

  it('pushing first makes the local goods back-office goods instead of deleting them', async () => {
    let n = 0;
    const res = await enableMirrorMode(engineDeps(store), { confirm: true, pushFirst: true, newId: () => `mm${++n}` });
    expect(res).toMatchObject({ ok: true, deleted: 0, queued: 2, push: { ok: true, applied: 2 } });
    expect(await countLocalGoods(store)).toBe(0);
    expect(await fake.current.db.query(`SELECT id FROM records WHERE kind = 'article' AND id = 'a60'`)).toHaveLength(1);
    expect(await h.count('outbox')).toBe(0);
  });

  it('a reset in mirror mode removes local goods the back office lacks; off, it keeps them', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1));
    // A checkpoint the back office no longer accepts: the next pull is a reset snapshot.
    await h.update('syncState', 'articles', { checkpoint: 'stale' });
    expect(await pullCategory(engineDeps(store), 'articles')).toMatchObject({ ok: true, snapshot: true });
    expect(await h.count('articles')).toBe(3);
    await h.put('settings', { key: 'goodsMirror', value: true });
    await h.update('syncState', 'articles', { checkpoint: 'stale' });
    await pullCategory(engineDeps(store), 'articles');
    expect(await h.keys('articles')).toEqual(['a1']);
  });
});
