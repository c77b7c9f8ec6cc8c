import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { API_PREFIX } from '@model';
import { BACK_OFFICE_URL, withTestBackOffice } from '../testing/testBackOffice';
import { aReceipt, anArticle, engineDeps, freshDb, NOW, pairWith } from '../testing/fixtures';
import { STORE_ADAPTERS, type StoreHarness } from '../testing/stores';
import { toArticleRow, type OrgDatabase } from '../../db/schema';
import { countPending, enqueueMutation } from '../../db/outbox';
import { countRejected } from '../dexieStore';
import { pushOutbox } from './push';
import { getLink } from './link';

const fake = withTestBackOffice();

describe.each(STORE_ADAPTERS)('pushOutbox (%s store)', (_name, createStore) => {
  let h: StoreHarness;
  let store: StoreHarness['store'];
  beforeEach(async () => {
    h = createStore();
    store = h.store;
    await pairWith(fake.current, store);
  });
  afterEach(async () => h.dispose());

  const sell = (n: number) => h.enqueue({ id: `m${n}`, kind: 'receipt', op: 'upsert', data: aReceipt(n) }, NOW.toISOString());

  it('sends the outbox in seq order and batches, deleting acknowledged rows', async () => {
    for (let i = 1; i <= 5; i++) await sell(i);
    const res = await pushOutbox(engineDeps(store), 2);
    expect(res).toMatchObject({ ok: true, applied: 5, remaining: 0 });
    expect(fake.current.pushBatches).toEqual([2, 2, 1]);
    expect(fake.current.received).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(await h.count('outbox')).toBe(0);
  });

  it('gets duplicate, not a second receipt, when the answer was lost after the server committed', async () => {
    await sell(1);
    fake.current.faults.push.push('lose-response');
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: false, reason: 'offline' });
    expect(await h.count('outbox')).toBe(1);
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: true, duplicate: 1, applied: 0 });
    expect(await fake.current.receiptsStored()).toEqual(['r1']);
    expect(await h.count('outbox')).toBe(0);
  });

  it.each([
    ['offline', 'offline'],
    ['server-error', 'server-error'],
    ['timeout', 'timeout'],
    ['malformed', 'malformed-response'],
  ] as const)('keeps every row on %s', async (fault, reason) => {
    await sell(1);
    fake.current.faults.push.push(fault);
    expect(await pushOutbox(engineDeps(store, { timeoutMs: 50 }))).toMatchObject({ ok: false, reason });
    expect(await h.count('outbox')).toBe(1);
  });

  it('reports Retry-After on 429', async () => {
    await sell(1);
    fake.current.faults.push.push('rate-limited');
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: false, reason: 'rate-limited', retryAfterMs: 7000 });
  });

  it('on 401 marks the till unpaired and keeps its outbox', async () => {
    await sell(1);
    fake.current.faults.push.push('unauthorized');
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: false, reason: 'unauthorized' });
    expect((await getLink(store))?.unpairedAt).toBe(NOW.toISOString());
    expect(await h.count('outbox')).toBe(1);
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: false, reason: 'unpaired' });
  });

  it('keeps a rejected row marked and still pushes the rows after it', async () => {
    await sell(1);
    await h.enqueue({ id: 'bad', kind: 'receipt', op: 'upsert', data: aReceipt(2) }, NOW.toISOString());
    await h.update('outbox', 'bad', { data: { ...aReceipt(2), total: 'x' } });
    await sell(3);
    const res = await pushOutbox(engineDeps(store), 1);
    expect(res).toMatchObject({ ok: true, applied: 2, rejected: 1, remaining: 1 });
    expect(await h.get('outbox', 'bad')).toMatchObject({ lastError: 'rejected:invalid_mutation', attempts: 1 });
  });

  it('on conflict applies the back office row and drops the mutation', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1, { name: 'Server v1' }));
    await fake.current.upsert('article', 'a1', anArticle(1, { name: 'Server v2' }));
    await h.put('articles', toArticleRow(anArticle(1, { name: 'Till edit' }), 'erp'));
    await h.enqueue({ id: 'e1', kind: 'article', op: 'upsert', data: anArticle(1, { name: 'Till edit' }), baseRev: 1 }, NOW.toISOString());
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: true, conflict: 1 });
    expect((await h.get('articles', 'a1'))?.name).toBe('Server v2');
    expect(await h.count('outbox')).toBe(0);
  });

  it('on conflict with a record deleted at the back office drops the mutation and keeps the local row', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1, { name: 'Server v1' }));
    await fake.current.remove('article', 'a1');
    await h.put('articles', toArticleRow(anArticle(1, { name: 'Till edit' }), 'erp'));
    await h.enqueue({ id: 'e1', kind: 'article', op: 'upsert', data: anArticle(1, { name: 'Till edit' }), baseRev: 1 }, NOW.toISOString());
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: true, conflict: 1 });
    expect((await h.get('articles', 'a1'))?.name).toBe('Till edit');
    expect(await h.count('outbox')).toBe(0);
  });

  it('reads a conflict\'s server record from the row the back office sends, not the bare record', async () => {
    await h.put('articles', toArticleRow(anArticle(1, { name: 'Till edit' }), 'erp'));
    await h.enqueue({ id: 'e1', kind: 'article', op: 'upsert', data: anArticle(1, { name: 'Till edit' }), baseRev: 1 }, NOW.toISOString());
    // The record itself where the row {kind, id, rev, deleted, data} belongs: not a valid answer.
    fake.server.use(http.post(`${BACK_OFFICE_URL}${API_PREFIX}/push`, () => HttpResponse.json({ results: [{ id: 'e1', status: 'conflict', rev: 3, server: anArticle(1, { name: 'Bare' }) }], serverTime: NOW.toISOString() })));
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: false, reason: 'malformed-response' });
    expect(await h.count('outbox')).toBe(1);
    const row = { kind: 'article', id: 'a1', rev: 3, deleted: false, data: anArticle(1, { name: 'Wrapped' }) };
    fake.server.use(http.post(`${BACK_OFFICE_URL}${API_PREFIX}/push`, () => HttpResponse.json({ results: [{ id: 'e1', status: 'conflict', rev: 3, server: row }], serverTime: NOW.toISOString() })));
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: true, conflict: 1 });
    expect((await h.get('articles', 'a1'))?.name).toBe('Wrapped');
    expect(await h.count('outbox')).toBe(0);
  });

  it('turns a pushed till-created good into a back-office good', async () => {
    await h.put('articles', toArticleRow(anArticle(50), 'local'));
    await h.enqueue({ id: 'n1', kind: 'article', op: 'upsert', data: anArticle(50) }, NOW.toISOString());
    expect(await pushOutbox(engineDeps(store))).toMatchObject({ ok: true, applied: 1 });
    expect((await h.get('articles', 'a50'))?.origin).toBe('erp');
  });
});

describe('enqueueMutation (Dexie)', () => {
  let db: OrgDatabase;
  beforeEach(async () => {
    db = freshDb();
    await pairWith(fake.current, db);
  });
  afterEach(async () => db.delete());

  async function sell(n: number): Promise<void> {
    await db.transaction('rw', [db.receipts, db.outbox, db.settings], async () => {
      await db.receipts.put({ ...aReceipt(n), seq: n });
      await enqueueMutation(db, { id: `m${n}`, kind: 'receipt', op: 'upsert', data: aReceipt(n) }, NOW.toISOString());
    });
  }

  it('throws outside a transaction', async () => {
    await expect(enqueueMutation(db, { id: 'x', kind: 'receipt', op: 'upsert', data: aReceipt(1) }, NOW.toISOString())).rejects.toMatchObject({ code: 'no-transaction' });
  });

  it('throws on a record that fails the protocol, aborting the sale', async () => {
    const sale = db.transaction('rw', [db.receipts, db.outbox, db.settings], async () => {
      await db.receipts.put({ ...aReceipt(1), seq: 1 });
      await enqueueMutation(db, { id: 'x', kind: 'receipt', op: 'upsert', data: { nope: true } }, NOW.toISOString());
    });
    await expect(sale).rejects.toMatchObject({ code: 'invalid-mutation' });
    expect(await db.receipts.count()).toBe(0);
  });

  it('counts the pending and the rejected rows', async () => {
    await sell(1);
    await db.transaction('rw', [db.outbox, db.settings], async () => {
      await enqueueMutation(db, { id: 'bad', kind: 'receipt', op: 'upsert', data: aReceipt(2) }, NOW.toISOString());
    });
    await db.outbox.update('bad', { data: { ...aReceipt(2), total: 'x' } });
    expect(await pushOutbox(engineDeps(db))).toMatchObject({ ok: true, applied: 1, rejected: 1 });
    expect(await countPending(db)).toBe(1);
    expect(await countRejected(db)).toBe(1);
  });

  it('keeps seq growing after the outbox was emptied', async () => {
    await sell(1);
    await pushOutbox(engineDeps(db));
    await sell(2);
    expect((await db.outbox.get('m2'))?.seq).toBe(2);
  });
});
