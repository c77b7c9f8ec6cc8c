import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTestBackOffice } from '../testing/testBackOffice';
import { anArticle, engineDeps, freshDb, pairWith } from '../testing/fixtures';
import { toArticleRow, type OrgDatabase } from '../../db/schema';
import { countLocalGoods, enableMirrorMode, isMirrorMode } from './mirror';
import { pullCategory } from './pull';

const fake = withTestBackOffice();
let db: OrgDatabase;
beforeEach(async () => {
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
    expect(await fake.current.db.query(`SELECT id FROM records WHERE kind = 'article' AND id = 'a60'`)).toHaveLength(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a reset in mirror mode removes local goods the back office lacks; off, it keeps them', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1));
    // A checkpoint the back office no longer accepts: the next pull is a reset snapshot.
    await db.syncState.update('articles', { checkpoint: 'stale' });
    expect(await pullCategory(engineDeps(db), 'articles')).toMatchObject({ ok: true, snapshot: true });
    expect(await db.articles.count()).toBe(3);
    await db.settings.put({ key: 'goodsMirror', value: true });
    await db.syncState.update('articles', { checkpoint: 'stale' });
    await pullCategory(engineDeps(db), 'articles');
    expect(await db.articles.toCollection().primaryKeys()).toEqual(['a1']);
  });
});
