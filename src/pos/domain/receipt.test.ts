import { describe, expect, it } from 'vitest';
import { receipt as receiptSchema, type Receipt } from '@model';
import { addArticle, addFreeLine, emptyCart, setBasketDiscount, type Cart, type CartResult } from './cart';
import { DomainError } from './money';
import { settle, toTender, type PaymentContext, type Settlement, type TenderInput } from './payment';
import {
  createFreeRefund,
  createReceipt,
  createRefund,
  parseReceiptBarcode,
  planRefund,
  receiptBarcode,
  receiptNumber,
  refundedQuantities,
  type ReceiptContext,
} from './receipt';
import { computeTotals, type CartTotals } from './totals';

const pay: PaymentContext = { baseCurrency: 'EUR', baseDecimals: 2, cashRounding: 5 };
const base: ReceiptContext = {
  id: 'r1',
  tillId: 'till-1',
  tillCode: 'T1',
  seq: 42,
  now: '2026-03-10T12:00:00Z',
  operatorId: 'op-1',
  shiftId: 'shift-1',
  currency: 'EUR',
};

function value(r: CartResult): Cart {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

// 3 × 3.333 (20 %) and 1 × 5.00 (5.5 %), with a 10 % basket discount: uneven cents to split.
function saleTotals(): CartTotals {
  let cart = value(addFreeLine(emptyCart(), { sku: 'S1', name: 'Soap', unit: 'pcs', qtyMilli: 3000, unitPrice: 333, vatRate: 2000 }));
  cart = value(addArticle(cart, { id: 'jam', sku: 'J1', name: 'Jam', unit: 'pcs', groupId: null, vatRate: 550, active: true }, 500));
  cart = value(setBasketDiscount(cart, { kind: 'percent', value: 1000 }));
  return computeTotals(cart, { taxMode: 'inclusive', now: base.now });
}

function paid(totals: CartTotals, inputs: TenderInput[]): Settlement {
  const tenders = inputs.map((i) => {
    const t = toTender(i, pay);
    if (!t.ok) throw new Error(t.reason);
    return t.value;
  });
  const s = settle(totals.total, tenders, pay);
  if (!s.ok) throw new Error(s.reason);
  return s.value;
}

function sale(): Receipt {
  const totals = saleTotals();
  const r = createReceipt({ ...base, totals, settlement: paid(totals, [{ method: 'cash', amount: 2000 }]) });
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('receiptNumber and barcode', () => {
  it.each([
    ['T1', 42, 'T1-000042'],
    ['SHOP_2', 1, 'SHOP_2-000001'],
    ['T1', 1234567, 'T1-1234567'],
  ])('%s #%i → %s', (code, seq, number) => {
    expect(receiptNumber(code, seq)).toBe(number);
    expect(parseReceiptBarcode(receiptBarcode(number))).toEqual({ ok: true, value: number });
  });

  it.each([['T 1', 1], ['', 1], ['T1', 0], ['T1', 1.5]])('refuses till code %j with seq %s as a bug', (code, seq) => {
    expect(() => receiptNumber(code, seq)).toThrow(DomainError);
  });

  it.each(['', '4006381333931', 'R:', 'R:T1-42', 'X:T1-000042', 'R:T1-000042x'])('does not read %j as a receipt', (text) => {
    expect(parseReceiptBarcode(text)).toEqual({ ok: false, reason: 'not-a-receipt-barcode' });
  });

  it('reads a lower-case prefix and surrounding whitespace from a scanner', () => {
    expect(parseReceiptBarcode(' r:T1-000042\n')).toEqual({ ok: true, value: 'T1-000042' });
  });
});

describe('createReceipt', () => {
  it('builds a valid entities.Receipt from totals and a settlement', () => {
    const r = sale();
    expect(receiptSchema.parse(r)).toEqual(r);
    expect(r).toMatchObject({
      number: 'T1-000042',
      kind: 'sale',
      refundOf: null,
      createdAt: '2026-03-10T12:00:00.000Z',
      taxMode: 'inclusive',
      subtotal: 1499,
      basketDiscount: 150,
      total: 1349,
      change: 650, // 20.00 − 13.49 = 6.51, cash-rounded to 6.50
    });
    expect(r.lines.reduce((s, l) => s + l.total, 0)).toBe(r.total);
    expect(r.lines.reduce((s, l) => s + l.vat, 0)).toBe(r.vatTotal);
  });

  it.each([
    ['an empty cart', () => computeTotals(emptyCart(), { taxMode: 'inclusive', now: base.now }), [], 'empty-cart'],
    ['an unpaid sale', saleTotals, [{ method: 'card', amount: 100 }], 'payment-incomplete'],
  ] as [string, () => CartTotals, TenderInput[], string][])('refuses %s', (_name, totals, inputs, reason) => {
    const t = totals();
    expect(createReceipt({ ...base, totals: t, settlement: paid(t, inputs) })).toEqual({ ok: false, reason });
  });

  it('refuses a settlement made for another amount', () => {
    const t = saleTotals();
    const s = paid(t, [{ method: 'cash', amount: 5000 }]);
    expect(createReceipt({ ...base, totals: { ...t, total: t.total + 1 } as CartTotals, settlement: s })).toEqual({
      ok: false,
      reason: 'payment-mismatch',
    });
  });
});

const refundCtx = { ...base, id: 'rf1', seq: 43, now: '2026-03-11T09:00:00Z', method: 'cash' as const, payment: pay };

describe('createRefund', () => {
  it('refunds part of a line with negative figures and links the original', () => {
    const original = sale();
    const r = createRefund({ ...refundCtx, original, selection: [{ lineIndex: 0, qtyMilli: 1000 }] });
    if (!r.ok) throw new Error(r.reason);
    expect(receiptSchema.parse(r.value)).toEqual(r.value);
    const line = original.lines[0];
    expect(r.value).toMatchObject({ kind: 'refund', refundOf: 'r1', number: 'T1-000043', change: 0, clientId: null });
    expect(r.value.lines).toEqual([
      {
        ...line,
        qtyMilli: -1000,
        total: -Math.round((line?.total ?? 0) / 3),
        vat: -Math.round((line?.vat ?? 0) / 3),
        discount: -Math.round((line?.discount ?? 0) / 3),
      },
    ]);
    expect(r.value.total).toBe(r.value.lines[0]?.total);
    expect(r.value.tenders.map((t) => [t.method, t.amount])).toEqual([['cash', Math.round(r.value.total / 5) * 5]]);
  });

  it('returns exactly the line total when refunded one piece at a time', () => {
    const original = sale();
    const line = original.lines[0];
    let refunded = [0, 0];
    const totals: number[] = [];
    const vats: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const plan = planRefund(original, [{ lineIndex: 0, qtyMilli: 1000 }], refunded);
      if (!plan.ok) throw new Error(plan.reason);
      totals.push(plan.value.total);
      vats.push(plan.value.vatTotal);
      refunded = [refunded[0]! + 1000, 0];
    }
    expect(totals.reduce((s, x) => s + x, 0)).toBe(-(line?.total ?? 0));
    expect(vats.reduce((s, x) => s + x, 0)).toBe(-(line?.vat ?? 0));
  });

  it.each([
    ['more than was sold', [{ lineIndex: 1, qtyMilli: 2000 }], [0, 0], 'over-refund'],
    ['more than is left after earlier refunds', [{ lineIndex: 0, qtyMilli: 2000 }], [2000, 0], 'over-refund'],
    ['the same line twice beyond what was sold', [{ lineIndex: 0, qtyMilli: 2000 }, { lineIndex: 0, qtyMilli: 2000 }], [0, 0], 'over-refund'],
    ['a line that does not exist', [{ lineIndex: 5, qtyMilli: 1000 }], [0, 0], 'unknown-line'],
    ['nothing', [], [0, 0], 'empty-refund'],
    ['a negative quantity', [{ lineIndex: 0, qtyMilli: -1000 }], [0, 0], 'invalid-quantity'],
  ])('refuses to refund %s', (_name, selection, alreadyRefunded, reason) => {
    expect(createRefund({ ...refundCtx, original: sale(), selection, alreadyRefunded })).toEqual({ ok: false, reason });
  });

  it('accepts refunding exactly what is left', () => {
    const r = createRefund({ ...refundCtx, original: sale(), selection: [{ lineIndex: 0, qtyMilli: 1000 }], alreadyRefunded: [2000, 0] });
    expect(r.ok).toBe(true);
  });

  it('refuses to refund a refund', () => {
    const original = sale();
    const refund = createRefund({ ...refundCtx, original, selection: [{ lineIndex: 1, qtyMilli: 1000 }] });
    if (!refund.ok) throw new Error(refund.reason);
    expect(planRefund(refund.value, [{ lineIndex: 0, qtyMilli: 1000 }])).toEqual({ ok: false, reason: 'not-a-sale' });
  });

  it('derives already-refunded quantities from earlier refund receipts', () => {
    const original = sale();
    const first = createRefund({ ...refundCtx, original, selection: [{ lineIndex: 0, qtyMilli: 2000 }, { lineIndex: 1, qtyMilli: 1000 }] });
    if (!first.ok) throw new Error(first.reason);
    const unrelated = { ...first.value, refundOf: 'someone-else' };
    expect(refundedQuantities(original, [first.value, unrelated, original])).toEqual([2000, 1000]);
  });
});

describe('createFreeRefund (without a receipt)', () => {
  it('negates the totals of the returned items', () => {
    const totals = saleTotals();
    const r = createFreeRefund({ ...refundCtx, method: 'card', totals });
    if (!r.ok) throw new Error(r.reason);
    expect(receiptSchema.parse(r.value)).toEqual(r.value);
    expect(r.value).toMatchObject({ kind: 'refund', refundOf: null, total: -1349, subtotal: -1499, basketDiscount: -150 });
    expect(r.value.lines.map((l) => l.qtyMilli)).toEqual([-3000, -1000]);
    expect(r.value.tenders.map((t) => [t.method, t.amount])).toEqual([['card', -1349]]);
  });

  it('refuses an empty refund', () => {
    const totals = computeTotals(emptyCart(), { taxMode: 'inclusive', now: base.now });
    expect(createFreeRefund({ ...refundCtx, totals })).toEqual({ ok: false, reason: 'empty-refund' });
  });
});
