import { afterEach, describe, expect, it } from 'vitest';
import type { OrgDatabase } from '../../db/schema';
import { addArticle, emptyCart } from '../domain';
import { refundReceipt, refundWithoutReceipt } from './refunds';
import { commitReceipt } from './sales';
import { freshDb, line, saleDraft, tender } from './screens.fixtures';
import { closeShiftNow, openShiftNow } from './shifts';

const T0 = '2026-03-02T08:00:00.000Z';
let db: OrgDatabase;
afterEach(async () => db?.delete());

async function sold(): Promise<string> {
  const opened = await openShiftNow(db, { operatorId: 'op-1', float: 0, now: T0 });
  if (!opened.ok) throw new Error(opened.reason);
  await commitReceipt(db, saleDraft('sale-1', opened.value.id, [line(), line({ articleId: 'a2', sku: 'B2', name: 'Bread', qtyMilli: 1000, unitPrice: 200, total: 200, vat: 33 })], [tender('cash', 500)], T0), T0);
  return opened.value.id;
}

describe('refund service', () => {
  it('refunds part of a receipt as a negative receipt with its stock moves and outbox row', async () => {
    db = await freshDb();
    await sold();
    const r = await refundReceipt(db, { receiptId: 'sale-1', selection: [{ lineIndex: 0, qtyMilli: 1000 }], method: 'cash', operatorId: 'op-1', now: T0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.receipt).toMatchObject({ kind: 'refund', refundOf: 'sale-1', total: -150, number: 'T1-000002' });
    expect(r.receipt.tenders).toEqual([expect.objectContaining({ method: 'cash', amount: -150 })]);
    expect(await db.stockMoves.where('receiptId').equals(r.receipt.id).toArray()).toEqual([expect.objectContaining({ articleId: 'a1', qtyMilli: 1000 })]);
    expect(await db.outbox.get(r.receipt.id)).toBeDefined();
  });

  it('refuses to refund more than was sold minus earlier refunds, writing nothing', async () => {
    db = await freshDb();
    await sold();
    const first = await refundReceipt(db, { receiptId: 'sale-1', selection: [{ lineIndex: 0, qtyMilli: 1000 }], method: 'card', operatorId: 'op-1', now: T0 });
    expect(first.ok).toBe(true);
    const count = await db.receipts.count();
    const over = await refundReceipt(db, { receiptId: 'sale-1', selection: [{ lineIndex: 0, qtyMilli: 2000 }], method: 'card', operatorId: 'op-1', now: T0 });
    expect(over).toEqual({ ok: false, reason: 'over-refund' });
    expect(await db.receipts.count()).toBe(count);
    const rest = await refundReceipt(db, { receiptId: 'sale-1', selection: [{ lineIndex: 0, qtyMilli: 1000 }], method: 'card', operatorId: 'op-1', now: T0 });
    expect(rest.ok && rest.receipt.total).toBe(-150);
  });

  it('answers unknown-receipt and no-shift as reasons', async () => {
    db = await freshDb();
    expect(await refundReceipt(db, { receiptId: 'nope', selection: [{ lineIndex: 0, qtyMilli: 1000 }], method: 'cash', operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: 'unknown-receipt' });
    await sold();
    await closeShiftNow(db, { countedCash: 0, operatorId: 'op-1', now: T0 });
    expect(await refundReceipt(db, { receiptId: 'sale-1', selection: [{ lineIndex: 1, qtyMilli: 1000 }], method: 'cash', operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: 'no-shift' });
  });

  it('refunds free lines without a receipt', async () => {
    db = await freshDb();
    await sold();
    const cart = addArticle(emptyCart(), { id: 'a9', sku: 'Z9', name: 'Jam', unit: 'pcs', groupId: null, vatRate: 550, active: true }, 450, 2000);
    if (!cart.ok) throw new Error(cart.reason);
    const r = await refundWithoutReceipt(db, { cart: cart.value, method: 'other', operatorId: 'op-1', now: T0 });
    expect(r.ok && r.receipt).toMatchObject({ kind: 'refund', refundOf: null, total: -900 });
    expect(await refundWithoutReceipt(db, { cart: emptyCart(), method: 'cash', operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: 'empty-refund' });
  });
});
