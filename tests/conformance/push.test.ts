// Conformance: push results, idempotency under concurrency, conflicts and till-created goods.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponse } from '@model';
import { adminToken, call, makeReceipt, RUN, pairTill, receiptCount, receiptMutation } from './client';
import { startTarget, targetNames, type Target } from './harness';

describe.each(targetNames())('push on %s', (name) => {
  let t: Target;
  let admin: string;
  let till: { tillId: string; token: string };
  beforeAll(async () => {
    t = await startTarget(name);
    admin = await adminToken(t);
    till = await pairTill(t, admin);
  });
  afterAll(() => t?.close());

  async function push(mutations: unknown[], token = till.token) {
    const r = await call(t, 'POST', '/api/v1/push', { token, body: { mutations } });
    expect(r.status).toBe(200);
    return pushResponse.parse(r.body).results;
  }

  it('applies a receipt, which the admin API then lists with receivedAt', async () => {
    const receipt = makeReceipt(till.tillId);
    const [result] = await push([receiptMutation(receipt)]);
    expect(result).toMatchObject({ status: 'applied' });
    const list = await call(t, 'GET', `/api/v1/admin/receipts?tillId=${till.tillId}&limit=50`, { token: admin });
    const found = list.body.items.find((r: { id: string }) => r.id === receipt.id);
    expect(found).toMatchObject({ id: receipt.id, total: 500 });
    expect(typeof found.receivedAt).toBe('string');
  });

  it('stores one receipt when the same mutation arrives ten times at once from two tills', async () => {
    const other = await pairTill(t, admin);
    const before = await receiptCount(t, admin);
    const m = receiptMutation(makeReceipt(till.tillId));
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => push([m], i % 2 ? other.token : till.token)));
    const results = answers.map((a) => a[0]!);
    expect(results.filter((r) => r.status === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(9);
    const revs = new Set(results.map((r) => ('rev' in r ? r.rev : -1)));
    expect(revs.size).toBe(1);
    expect(await receiptCount(t, admin)).toBe(before + 1);
  });

  it('stores each receipt once when overlapping batches are resent concurrently', async () => {
    const before = await receiptCount(t, admin);
    const batch = Array.from({ length: 6 }, () => receiptMutation(makeReceipt(till.tillId)));
    const answers = await Promise.all([batch, batch.slice(2), [...batch].reverse(), batch, [batch[0], batch[0]]].map((b) => push(b)));
    for (const m of batch) {
      const results = answers.flat().filter((r) => r.id === m.id);
      expect(results.filter((r) => r.status === 'applied')).toHaveLength(1);
      expect(results.every((r) => r.status === 'applied' || r.status === 'duplicate')).toBe(true);
    }
    expect(await receiptCount(t, admin)).toBe(before + batch.length);
  });

  it('answers duplicate with the original rev when a mutation is sent again later', async () => {
    const m = receiptMutation(makeReceipt(till.tillId));
    const [first] = await push([m]);
    const [second] = await push([m]);
    expect(first).toMatchObject({ status: 'applied' });
    expect(second).toEqual({ id: m.id, status: 'duplicate', rev: (first as { rev: number }).rev });
  });

  it('never makes a second receipt from the same receipt under a new mutation id', async () => {
    const receipt = makeReceipt(till.tillId);
    const before = await receiptCount(t, admin);
    const [a] = await push([receiptMutation(receipt)]);
    const [b] = await push([receiptMutation(receipt)]);
    expect(b).toMatchObject({ status: 'duplicate', rev: (a as { rev: number }).rev });
    expect(await receiptCount(t, admin)).toBe(before + 1);
  });

  it('rejects invalid mutations inside a 200 and still applies the valid ones', async () => {
    const before = await receiptCount(t, admin);
    const good = receiptMutation(makeReceipt(till.tillId));
    const emptyLines = receiptMutation(makeReceipt(till.tillId, { lines: [] }));
    const floatMoney = receiptMutation(makeReceipt(till.tillId, { total: 5.5 }));
    const yearZero = receiptMutation(makeReceipt(till.tillId, { createdAt: '0000-01-01T00:00:00Z' }));
    const results = await push([emptyLines, good, { id: `mut-unknown-${RUN}`, kind: 'spaceship', op: 'upsert', data: {} }, floatMoney, yearZero]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied', 'rejected', 'rejected', 'rejected']);
    expect(results.map((r) => r.id)).toEqual([emptyLines.id, good.id, `mut-unknown-${RUN}`, floatMoney.id, yearZero.id]);
    expect(await receiptCount(t, admin)).toBe(before + 1);
  });

  it('applies an article edit on the current rev and answers conflict with the server row on a stale one', async () => {
    const art = (await call(t, 'GET', '/api/v1/admin/records/article?limit=1&offset=3', { token: admin })).body.items[0];
    const [ok] = await push([{ id: `mut-art-${RUN}-${art.id}-1`, kind: 'article', op: 'upsert', baseRev: art.rev, data: { ...art.data, name: 'Edited at the till' } }]);
    expect(ok).toMatchObject({ status: 'applied' });
    const newRev = (ok as { rev: number }).rev;
    expect(newRev).toBeGreaterThan(art.rev);
    const [stale] = await push([{ id: `mut-art-${RUN}-${art.id}-2`, kind: 'article', op: 'upsert', baseRev: art.rev, data: { ...art.data, name: 'Stale edit' } }]);
    expect(stale).toMatchObject({ status: 'conflict', rev: newRev, server: { id: art.id, rev: newRev, data: { name: 'Edited at the till' } } });
  });

  it('turns an article created at the till into a back-office record that other tills pull', async () => {
    const data = { id: `till-art-${RUN}`, sku: `TILL-${RUN}`, name: 'Made at the till', groupId: null, barcodes: ['2000000000015'], unit: 'pcs', vatRate: 2000, price: 199, active: true };
    const before = (await call(t, 'GET', '/api/v1/pull/articles?limit=1000', { token: till.token })).body;
    const [r] = await push([{ id: `mut-till-art-${RUN}`, kind: 'article', op: 'upsert', baseRev: null, data }]);
    expect(r).toMatchObject({ status: 'applied' });
    const listed = await call(t, 'GET', `/api/v1/admin/records/article?q=TILL-${RUN}`, { token: admin });
    expect(listed.body.items).toEqual([{ id: `till-art-${RUN}`, rev: (r as { rev: number }).rev, data }]);
    const other = await pairTill(t, admin);
    let cp: string | undefined = undefined;
    const ids: string[] = [];
    for (let more = true; more; ) {
      const page: { items: { id: string }[]; checkpoint: string; hasMore: boolean } = (await call(t, 'GET', `/api/v1/pull/articles?limit=1000${cp ? `&cp=${cp}` : ''}`, { token: other.token })).body;
      ids.push(...page.items.map((i: { id: string }) => i.id));
      cp = page.checkpoint;
      more = page.hasMore;
    }
    expect(ids).toContain(`till-art-${RUN}`);
    expect(before.total + 1).toBe((await call(t, 'GET', '/api/v1/pull/articles?limit=1', { token: till.token })).body.total);
  });

  it('answers conflict when the till creates a record whose id the back office already has', async () => {
    const client = (await call(t, 'GET', '/api/v1/admin/records/client?limit=1', { token: admin })).body.items[0];
    const [r] = await push([{ id: `mut-cli-${RUN}-${client.id}`, kind: 'client', op: 'upsert', data: { ...client.data, name: 'Other name' } }]);
    expect(r).toMatchObject({ status: 'conflict', rev: client.rev, server: { data: { name: client.data.name } } });
  });

  it('writes a tombstone when the till deletes an article it has the current rev of', async () => {
    const art = (await call(t, 'GET', '/api/v1/admin/records/article?limit=1&offset=7', { token: admin })).body.items[0];
    const [r] = await push([{ id: `mut-del-${RUN}-${art.id}`, kind: 'article', op: 'delete', baseRev: art.rev, data: art.data }]);
    expect(r).toMatchObject({ status: 'applied' });
    expect((await call(t, 'GET', `/api/v1/admin/records/article?q=${art.data.sku}`, { token: admin })).body.total).toBe(0);
  });

  it('replaces a shift report sent again under the same id (opened, then closed)', async () => {
    const base = {
      id: `shift-${till.tillId}`, tillId: till.tillId, number: 1, openedBy: 'op-alice', closedBy: null, openedAt: new Date().toISOString(), closedAt: null,
      openingFloat: 5000, cashIn: 0, cashOut: 0, salesCount: 0, refundsCount: 0, salesTotal: 0, refundsTotal: 0, byMethod: {}, expectedCash: 5000, countedCash: null, difference: null,
    };
    const [open] = await push([{ id: `mut-open-${till.tillId}`, kind: 'shiftReport', op: 'upsert', data: base }]);
    const closed = { ...base, closedBy: 'op-alice', closedAt: new Date().toISOString(), countedCash: 5000, difference: 0 };
    const [close] = await push([{ id: `mut-close-${till.tillId}`, kind: 'shiftReport', op: 'upsert', data: closed }]);
    expect(open).toMatchObject({ status: 'applied' });
    expect(close).toMatchObject({ status: 'applied' });
    const reports = (await call(t, 'GET', '/api/v1/admin/shift-reports?limit=1000', { token: admin })).body.items.filter((s: { id: string }) => s.id === base.id);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ closedBy: 'op-alice', countedCash: 5000 });
  });
});
