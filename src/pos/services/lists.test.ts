import { afterEach, describe, expect, it } from 'vitest';
import { toArticleRow, type OrgDatabase } from '../../db/schema';
import { articlePage, findReceipts, operatorsWithRoles, receiptPage } from './lists';
import { commitReceipt } from './sales';
import { freshDb, line, saleDraft, tender } from './screens.fixtures';
import { closeShiftNow, openShiftNow } from './shifts';

const T0 = '2026-03-02T08:00:00.000Z';
let db: OrgDatabase;
afterEach(async () => db?.delete());

async function sales(n: number): Promise<string> {
  const opened = await openShiftNow(db, { operatorId: 'op-1', float: 0, now: T0 });
  if (!opened.ok) throw new Error(opened.reason);
  for (let i = 1; i <= n; i++) await commitReceipt(db, saleDraft(`r${opened.value.number}-${i}`, opened.value.id, [line()], [tender('card', 300)], T0), T0);
  return opened.value.id;
}

describe('list queries', () => {
  it('pages receipts newest first, of one shift or of all', async () => {
    db = await freshDb();
    const first = await sales(3);
    await closeShiftNow(db, { countedCash: 0, operatorId: 'op-1', now: T0 });
    await sales(2);
    const all = await receiptPage(db, null, 0, 4);
    expect(all.items.map((r) => r.number)).toEqual(['T1-000005', 'T1-000004', 'T1-000003', 'T1-000002']);
    expect(all.hasMore).toBe(true);
    expect((await receiptPage(db, null, 4, 4)).hasMore).toBe(false);
    const ofFirst = await receiptPage(db, first, 0, 10);
    expect(ofFirst.items.map((r) => r.number)).toEqual(['T1-000003', 'T1-000002', 'T1-000001']);
  });

  it('finds a receipt by scanned barcode, full number or sequence digits', async () => {
    db = await freshDb();
    await sales(3);
    expect((await findReceipts(db, 'R:T1-000002')).map((r) => r.number)).toEqual(['T1-000002']);
    expect((await findReceipts(db, 't1-000003')).map((r) => r.number)).toEqual(['T1-000003']);
    expect((await findReceipts(db, '1')).map((r) => r.number)).toContain('T1-000001');
    expect(await findReceipts(db, 'R:T1-999999')).toEqual([]);
  });

  it('pages articles by name and finds one by barcode', async () => {
    db = await freshDb();
    await db.articles.bulkPut(
      Array.from({ length: 25 }, (_, i) =>
        toArticleRow({ id: `a${i}`, sku: `S${i}`, name: `Item ${String(i).padStart(2, '0')}`, groupId: null, barcodes: [`400${i}`], unit: 'pcs', vatRate: 2000, price: 100, active: true }, 'erp'),
      ),
    );
    const page = await articlePage(db, '', 20, 10);
    expect(page.items.map((a) => a.name)).toEqual(['Item 20', 'Item 21', 'Item 22', 'Item 23', 'Item 24']);
    expect(page.hasMore).toBe(false);
    expect((await articlePage(db, '40017', 0, 10)).items[0]?.id).toBe('a17');
  });

  it('lists operators with their role and no PIN data', async () => {
    db = await freshDb();
    await db.roles.put({ id: 'r1', name: 'Cashier', rights: ['sell'] });
    await db.operators.put({ id: 'o1', name: 'Alice', roleId: 'r1', pinHash: 'a'.repeat(64), pinSalt: 'b'.repeat(32), pinIterations: 1000, active: true });
    const [alice] = await operatorsWithRoles(db);
    expect(alice).toEqual({ id: 'o1', name: 'Alice', active: true, role: { id: 'r1', name: 'Cashier', rights: ['sell'] } });
    expect(JSON.stringify(alice)).not.toContain('aaaa');
  });
});
