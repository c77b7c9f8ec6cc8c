// Conformance of the admin JSON API with the contract the admin page checks on arrival
// (server/admin-ui/apiSchemas.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importResponse,
  receiptsResponse,
  recordRevResponse,
  recordsResponse,
  shiftReportsResponse,
  summaryResponse,
  syncCodeResponse,
  tillsResponse,
} from '../../src/admin/apiSchemas';
import { operator as operatorSchema, shiftReport } from '@model';
import { verifyPin } from '@model';
import { adminToken, call, makeReceipt, pairTill, receiptMutation } from './client';
import { startTarget, targetNames, type Target } from './harness';

describe.each(targetNames())('admin API on %s', (name) => {
  let t: Target;
  let admin: string;
  beforeAll(async () => {
    t = await startTarget(name);
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());
  const get = async (path: string) => (await call(t, 'GET', `/api/v1/admin${path}`, { token: admin })).body;

  it('issues sync codes that expire in ten minutes and lists tills in the page contract', async () => {
    const r = syncCodeResponse.parse((await call(t, 'POST', '/api/v1/admin/sync-codes', { token: admin })).body);
    const minutes = (Date.parse(r.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10.5);
    await pairTill(t, admin);
    expect(tillsResponse.parse(await get('/tills')).items.length).toBeGreaterThan(0);
  });

  it('lists, searches, saves and deletes records', async () => {
    const page = recordsResponse.parse(await get('/records/article?limit=5&offset=0'));
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(page.items.length);
    const art = page.items[0]!;
    const found = recordsResponse.parse(await get(`/records/article?q=${encodeURIComponent(String((art.data.barcodes as string[])[0]))}`));
    expect(found.items.map((i) => i.id)).toContain(art.id);
    const saved = recordRevResponse.parse((await call(t, 'PUT', `/api/v1/admin/records/article/${art.id}`, { token: admin, body: { ...art.data, price: 1234 } })).body);
    expect(saved.rev).toBeGreaterThan(art.rev);
    const newClient = { name: 'Zed New', phone: '+48 600 000 000', email: null, cardNumber: 'CARD-77', priceListId: null };
    expect((await call(t, 'PUT', '/api/v1/admin/records/client/cli-new', { token: admin, body: newClient })).status).toBe(200);
    expect(recordsResponse.parse(await get('/records/client?q=CARD-77')).items[0]?.data).toEqual({ id: 'cli-new', ...newClient });
    const del = recordRevResponse.parse((await call(t, 'DELETE', '/api/v1/admin/records/client/cli-new', { token: admin })).body);
    expect(del.rev).toBeGreaterThan(saved.rev);
    expect(recordsResponse.parse(await get('/records/client?q=CARD-77')).total).toBe(0);
    expect((await call(t, 'DELETE', '/api/v1/admin/records/client/cli-new', { token: admin })).status).toBe(404);
  });

  it('hashes an operator PIN server-side and keeps the hash when no PIN is sent', async () => {
    const body = { name: 'Eve', roleId: 'role-cashier', active: true, pin: '4321' };
    expect((await call(t, 'PUT', '/api/v1/admin/records/operator/op-eve', { token: admin, body })).status).toBe(200);
    const stored = operatorSchema.parse(recordsResponse.parse(await get('/records/operator?q=Eve')).items[0]?.data);
    expect(await verifyPin('4321', stored)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('4321');
    const { pin: _pin, ...rename } = body;
    expect((await call(t, 'PUT', '/api/v1/admin/records/operator/op-eve', { token: admin, body: { ...rename, name: 'Eve B' } })).status).toBe(200);
    const renamed = operatorSchema.parse(recordsResponse.parse(await get('/records/operator?q=Eve')).items[0]?.data);
    expect(renamed).toMatchObject({ name: 'Eve B', pinHash: stored.pinHash });
    const bad = await call(t, 'PUT', '/api/v1/admin/records/operator/op-eve', { token: admin, body: { ...body, pin: '12' } });
    expect(bad.status).toBe(400);
  });

  it('imports articles and prices from CSV, applying valid rows and reporting invalid ones', async () => {
    const csv = [
      'sku,name,group,barcodes,unit,vatRate,price',
      'IMP-1,Imported tea,Beverages,4006381333931|4006381333932,pcs,5.5,3.49',
      'IMP-2,"Imported ""special"" coffee",New group,,pcs,20,12.50',
      'IMP-3,Bad price,Beverages,,pcs,20,12.345',
      'IMP-4,Bad unit,Beverages,,box,20,1',
    ].join('\n');
    const r = importResponse.parse((await call(t, 'POST', '/api/v1/admin/import/article', { token: admin, raw: csv, headers: { 'content-type': 'text/csv' } })).body);
    expect(r.imported).toBe(2);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[4, 'invalid_price'], [5, 'invalid_unit']]);
    const tea = recordsResponse.parse(await get('/records/article?q=IMP-1')).items[0]?.data;
    expect(tea).toMatchObject({ sku: 'IMP-1', vatRate: 550, price: 349, barcodes: ['4006381333931', '4006381333932'], groupId: 'grp-01' });
    expect(recordsResponse.parse(await get('/records/article?q=IMP-2')).items[0]?.data).toMatchObject({ name: 'Imported "special" coffee', price: 1250 });
    const prices = ['priceList,sku,amount,validFrom,validTo', 'Members,IMP-1,2.99,,', 'pl-promo,IMP-2,9.99,2026-12-01,2026-12-31', 'Nope,IMP-1,1,,', 'Members,NOPE,1,,'].join('\n');
    const p = importResponse.parse((await call(t, 'POST', '/api/v1/admin/import/price', { token: admin, raw: prices, headers: { 'content-type': 'text/csv' } })).body);
    expect(p.imported).toBe(2);
    expect(p.errors.map((e) => e.code)).toEqual(['unknown_price_list', 'unknown_article']);
  });

  it('refuses a CSV file whose quote is never closed, naming the row, instead of reading the rest into one field', async () => {
    const csv = ['sku,name,price', 'UNQ-1,Fine tea,1.00', 'UNQ-2,"Open quote,2.00', 'UNQ-3,Swallowed,3.00'].join('\n');
    const r = importResponse.parse((await call(t, 'POST', '/api/v1/admin/import/article', { token: admin, raw: csv, headers: { 'content-type': 'text/csv' } })).body);
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[3, 'unclosed_quote']]);
    expect(recordsResponse.parse(await get('/records/article?q=UNQ-')).items).toEqual([]);
    const prices = ['priceList,sku,amount', 'Members,IMP-1,"2.99'].join('\n');
    const p = importResponse.parse((await call(t, 'POST', '/api/v1/admin/import/price', { token: admin, raw: prices, headers: { 'content-type': 'text/csv' } })).body);
    expect([p.imported, p.errors.map((e) => [e.row, e.code])]).toEqual([0, [[2, 'unclosed_quote']]]);
  });

  it('answers damaged or binary CSV with errors, not a failure', async () => {
    let seed = 7;
    const garbage = String.fromCharCode(...Array.from({ length: 4096 }, () => 1 + (((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) % 250)));
    for (const body of [garbage, `sku,name,price\n${'A,B,1\n'.repeat(3)}"`, `sku,name,price\nBIG,"${'x'.repeat(1024 * 1024)}",1`]) {
      const res = await call(t, 'POST', '/api/v1/admin/import/article', { token: admin, raw: body, headers: { 'content-type': 'text/csv' } });
      expect(res.status).toBe(200);
      const r = importResponse.parse(res.body);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });

  it('lists received receipts with totals and shift reports, and summarises the shop', async () => {
    const till = await pairTill(t, admin);
    const receipts = [makeReceipt(till.tillId, { total: 1000, vatTotal: 167 }), makeReceipt(till.tillId)];
    const report = shiftReport.parse({
      id: 'shift-1', tillId: till.tillId, number: 1, openedBy: 'op-alice', closedBy: 'op-alice', openedAt: new Date().toISOString(), closedAt: new Date().toISOString(),
      openingFloat: 10000, cashIn: 0, cashOut: 0, salesCount: 2, refundsCount: 0, salesTotal: 1500, refundsTotal: 0, byMethod: { cash: 1500 }, expectedCash: 11500, countedCash: 11500, difference: 0,
    });
    await call(t, 'POST', '/api/v1/push', { token: till.token, body: { mutations: [...receipts.map((r) => receiptMutation(r)), { id: 'mut-shift-1', kind: 'shiftReport', op: 'upsert', data: report }] } });
    const list = receiptsResponse.parse(await get(`/receipts?tillId=${till.tillId}&limit=1`));
    expect(list.items).toHaveLength(1);
    expect(list.totals).toEqual({ count: 2, total: 1500, vat: 250 });
    expect(shiftReportsResponse.parse(await get('/shift-reports')).items.map((s) => s.id)).toContain('shift-1');
    const summary = summaryResponse.parse(await get('/summary'));
    expect(summary.organization.name).toBe('Demo shop');
    expect(summary.stores).toHaveLength(2);
    expect(summary.counts).toMatchObject({ currency: 4, role: 3 });
    expect(summary.receiptsToday).toMatchObject({ count: expect.any(Number) });
  });
});
