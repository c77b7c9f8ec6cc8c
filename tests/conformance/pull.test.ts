// Conformance: pull paging, checkpoints, tombstones and resets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullResponse, type PullResponse } from '@model';
import { adminToken, call, pairTill } from './client';
import { startTarget, targetNames, type Target } from './harness';

describe.each(targetNames())('pull on %s', (name) => {
  let t: Target;
  let admin: string;
  let till: string;
  beforeAll(async () => {
    t = await startTarget(name);
    admin = await adminToken(t);
    till = (await pairTill(t, admin)).token;
  });
  afterAll(() => t?.close());

  async function pull(category: string, cp?: string, limit = 100): Promise<PullResponse> {
    const qs = new URLSearchParams({ limit: String(limit), ...(cp ? { cp } : {}) });
    const r = await call(t, 'GET', `/api/v1/pull/${category}?${qs}`, { token: till });
    expect(r.status).toBe(200);
    return pullResponse.parse(r.body);
  }

  async function pullAll(category: string, cp?: string, limit = 100) {
    const items: PullResponse['items'] = [];
    let page: PullResponse;
    let first: PullResponse | undefined;
    let pages = 0;
    do {
      page = await pull(category, cp, limit);
      first ??= page;
      items.push(...page.items);
      cp = page.checkpoint;
      pages++;
    } while (page.hasMore && pages < 1000);
    return { items, checkpoint: cp as string, first, last: page, pages };
  }

  const firstArticle = async () => {
    const r = await call(t, 'GET', '/api/v1/admin/records/article?limit=1', { token: admin });
    return r.body.items[0] as { id: string; rev: number; data: Record<string, unknown> };
  };

  it('pages through a whole category in strictly increasing rev order, each record once', async () => {
    const all = await pullAll('articles', undefined, 37);
    const revs = all.items.map((i) => i.rev);
    expect(revs).toEqual([...revs].sort((a, b) => a - b));
    expect(new Set(revs).size).toBe(revs.length);
    expect(all.pages).toBeGreaterThan(1);
    expect(all.items.every((i) => !i.deleted)).toBe(true);
    expect(all.items.length).toBe(all.last.total);
    expect(new Set(all.items.map((i) => i.kind))).toEqual(new Set(['article', 'articleGroup']));
    expect(all.first?.reset).toBe(false);
  });

  it('delivers only the kinds of the category', async () => {
    const { items } = await pullAll('rights');
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['role', 'operator']));
    const prices = await pullAll('prices');
    expect([...new Set(prices.items.map((i) => i.kind))].every((k) => ['priceList', 'price', 'discount'].includes(k))).toBe(true);
  });

  it('after a full pull, brings only what changed: an edit, then a delete as a tombstone', async () => {
    const { checkpoint } = await pullAll('articles');
    expect((await pull('articles', checkpoint)).items).toEqual([]);
    const art = await firstArticle();
    const put = await call(t, 'PUT', `/api/v1/admin/records/article/${art.id}`, { token: admin, body: { ...art.data, name: 'Renamed by conformance' } });
    expect(put.status).toBe(200);
    const changed = await pull('articles', checkpoint);
    expect(changed.items).toHaveLength(1);
    expect(changed.items[0]).toMatchObject({ id: art.id, deleted: false, rev: put.body.rev, data: { name: 'Renamed by conformance' } });
    const del = await call(t, 'DELETE', `/api/v1/admin/records/article/${art.id}`, { token: admin });
    expect(del.status).toBe(200);
    const gone = await pull('articles', changed.checkpoint);
    expect(gone.items).toEqual([{ id: art.id, kind: 'article', rev: del.body.rev, deleted: true, data: null }]);
    expect(gone.total).toBe(changed.total - 1);
  });

  it('leaves old tombstones out of a snapshot from the start', async () => {
    const client = (await call(t, 'GET', '/api/v1/admin/records/client?limit=1', { token: admin })).body.items[0];
    expect((await call(t, 'DELETE', `/api/v1/admin/records/client/${client.id}`, { token: admin })).status).toBe(200);
    const { items, checkpoint } = await pullAll('clients');
    expect(items.some((i) => i.deleted)).toBe(false);
    expect(items.some((i) => i.id === client.id)).toBe(false);
    expect((await pull('clients', checkpoint)).items).toEqual([]);
  });

  it('sends a record changed during paging again, later, with its new rev', async () => {
    const page1 = await pull('articles', undefined, 50);
    const seen = page1.items.find((i) => i.kind === 'article' && !i.deleted);
    expect(seen).toBeDefined();
    const put = await call(t, 'PUT', `/api/v1/admin/records/article/${seen!.id}`, { token: admin, body: { ...seen!.data, name: 'Changed mid-snapshot' } });
    const rest = await pullAll('articles', page1.checkpoint, 50);
    const again = rest.items.filter((i) => i.id === seen!.id);
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ rev: put.body.rev, data: { name: 'Changed mid-snapshot' } });
  });

  it('answers reset:true and a snapshot from the start for a forged checkpoint', async () => {
    const { checkpoint } = await pullAll('currencies');
    const [body, sig] = checkpoint.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body as string, 'base64url').toString()), r: 0 })).toString('base64url');
    for (const cp of [`${forgedBody}.${sig}`, 'not-a-checkpoint', checkpoint.slice(0, -2) + 'xx']) {
      const r = await pull('currencies', cp);
      expect(r.reset).toBe(true);
      expect(r.items.map((i) => i.id).sort()).toEqual(['EUR', 'GBP', 'PLN', 'USD']);
    }
  });

  it('answers reset:true for a checkpoint of another category', async () => {
    const { checkpoint } = await pullAll('currencies');
    const r = await pull('parameters', checkpoint);
    expect(r.reset).toBe(true);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ kind: 'parameters', id: 'parameters' });
  });

  it('answers 404 unknown_category and 400 bad_request for a bad limit', async () => {
    const unknown = await call(t, 'GET', '/api/v1/pull/weather', { token: till });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_category');
    for (const limit of ['0', 'abc', '100000']) {
      const bad = await call(t, 'GET', `/api/v1/pull/articles?limit=${limit}`, { token: till });
      expect(bad.status).toBe(400);
      expect(bad.body.error.code).toBe('bad_request');
    }
  });
});
