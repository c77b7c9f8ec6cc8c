import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { FakeBackOffice } from '../testing/fakeBackOffice';
import { anArticle, engineDeps, freshDb, pairWith } from '../testing/fixtures';
import { toArticleRow, type OrgDatabase } from '../../db/schema';
import { countLocalGoods, enableMirrorMode, isMirrorMode } from './mirror';
import { pullCategory } from './pull';

const fake = { current: new FakeBackOffice() };
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
let db: OrgDatabase;
beforeEach(async () => {
  fake.current = new FakeBackOffice();
  server.resetHandlers(...fake.current.handlers());
  db = freshDb();
  await pairWith(fake.current, db);
  await db.articles.bulkPut([toArticleRow(anArticle(1), 'erp'), toArticleRow(anArticle(60), 'local'), toArticleRow(anArticle(61), 'local')]);
});
afterEach(async () => db.delete());

describe('goods mirror mode', () => {
  it('counts the local goods and deletes nothing without confirmation', async () => {
    expect(await countLocalGoods(db)).toBe(2);
    const res = await enableMirrorMode(engineDeps(db), { confirm: false });
    expect(res).toEqual({ ok: false, reason: 'confirmation-required', localGoods: 2 });
    expect(await db.articles.count()).toBe(3);
    expect(await isMirrorMode(db)).toBe(false);
  });

  it('with confirmation deletes only the local goods and turns the mode on', async () => {
    const res = await enableMirrorMode(engineDeps(db), { confirm: true });
    expect(res).toMatchObject({ ok: true, deleted: 2 });
    expect(await db.articles.toCollection().primaryKeys()).toEqual(['a1']);
    expect(await isMirrorMode(db)).toBe(true);
  });

  it('pushing first makes the local goods back-office goods instead of deleting them', async () => {
    let n = 0;
    const res = await enableMirrorMode(engineDeps(db), { confirm: true, pushFirst: true, newId: () => `mm${++n}` });
    expect(res).toMatchObject({ ok: true, deleted: 0, queued: 2, push: { ok: true, applied: 2 } });
    expect(await countLocalGoods(db)).toBe(0);
    expect(fake.current.latest('a60', 'article')).toBeDefined();
    expect(await db.outbox.count()).toBe(0);
  });

  it('a reset in mirror mode removes local goods the back office lacks; off, it keeps them', async () => {
    fake.current.upsert('article', 'a1', anArticle(1));
    fake.current.expiredCheckpoints.add('0');
    await db.syncState.update('articles', { checkpoint: '0' });
    await pullCategory(engineDeps(db), 'articles');
    expect(await db.articles.count()).toBe(3);
    await db.settings.put({ key: 'goodsMirror', value: true });
    await db.syncState.update('articles', { checkpoint: '0' });
    await pullCategory(engineDeps(db), 'articles');
    expect(await db.articles.toCollection().primaryKeys()).toEqual(['a1']);
  });
});
