// Property tests: whatever the cart, the figures add up exactly and never go below zero, and a
// line refunded in any number of pieces returns exactly what it cost.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Discount, Receipt } from '@model';
import { addFreeLine, emptyCart, setBasketDiscount, setLineDiscount, type Cart } from './cart';
import type { ManualDiscount } from './pricing';
import { planRefund } from './receipt';
import { computeTotals } from './totals';

const manual: fc.Arbitrary<ManualDiscount | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 10_000 }) }),
  fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 5_000 }) }),
);

interface LineInput {
  qty: number;
  weighed: boolean;
  unitPrice: number;
  vatRate: number;
  discount: ManualDiscount | null;
}

const lineArb: fc.Arbitrary<LineInput> = fc.record({
  qty: fc.integer({ min: 1, max: 20 }),
  weighed: fc.boolean(),
  unitPrice: fc.integer({ min: 0, max: 100_000 }),
  vatRate: fc.constantFrom(0, 500, 550, 800, 2000, 2300),
  discount: manual,
});

const basketAuto: Discount = {
  id: 'b',
  name: 'b',
  scope: 'basket',
  targetId: null,
  kind: 'percent',
  value: 700,
  minimum: 10_000,
  validFrom: null,
  validTo: null,
  active: true,
};

function build(lines: LineInput[], basket: ManualDiscount | null): Cart {
  let cart = emptyCart();
  for (const l of lines) {
    const unit = l.weighed ? ('kg' as const) : ('pcs' as const);
    const r = addFreeLine(cart, { sku: '', name: 'x', unit, qtyMilli: l.weighed ? l.qty * 137 : l.qty * 1000, unitPrice: l.unitPrice, vatRate: l.vatRate });
    if (!r.ok) throw new Error(r.reason);
    cart = r.value;
    const withDiscount = setLineDiscount(cart, `L${cart.nextLineNo - 1}`, l.discount);
    if (withDiscount.ok) cart = withDiscount.value;
  }
  const b = setBasketDiscount(cart, basket);
  return b.ok ? b.value : cart;
}

describe('totals invariants', () => {
  it('add up exactly and never go below zero, in both tax modes', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 8 }), manual, fc.constantFrom('inclusive' as const, 'exclusive' as const), (lines, basket, taxMode) => {
        const t = computeTotals(build(lines, basket), { taxMode, now: 0, discounts: [basketAuto] });
        const sumOf = (f: (l: (typeof t.lines)[number]) => number) => t.lines.reduce((s, l) => s + f(l), 0);
        expect(sumOf((l) => l.total)).toBe(t.total);
        expect(sumOf((l) => l.vat)).toBe(t.vatTotal);
        expect(sumOf((l) => l.basketShare)).toBe(t.basketDiscount);
        expect(t.total).toBe(t.subtotal - t.basketDiscount + (taxMode === 'exclusive' ? t.vatTotal : 0));
        for (const l of t.lines) {
          expect(l.amount).toBeGreaterThanOrEqual(0);
          expect(l.gross - l.discount).toBe(l.amount);
          expect(l.net + l.vat).toBe(l.total);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('refund invariants', () => {
  it('refunding a line in pieces returns exactly its total, VAT and discount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 10 }),
        (qty, total, vat, pieces) => {
          const sold = qty * 1000;
          const original = {
            kind: 'sale',
            taxMode: 'inclusive',
            lines: [{ articleId: 'a', sku: 'a', name: 'a', qtyMilli: sold, unitPrice: 1, vatRate: 2000, discount: vat, total, vat }],
          } as unknown as Receipt;
          let before = 0;
          const got = { total: 0, vat: 0, discount: 0 };
          for (const p of pieces) {
            const q = Math.min(p * 1000, sold - before);
            if (q === 0) break;
            const plan = planRefund(original, [{ lineIndex: 0, qtyMilli: q }], [before]);
            if (!plan.ok) throw new Error(plan.reason);
            const line = plan.value.lines[0]!;
            got.total += line.total;
            got.vat += line.vat;
            got.discount += line.discount;
            before += q;
          }
          if (before === sold) expect(got).toEqual({ total: 0 - total, vat: 0 - vat, discount: 0 - vat });
          expect(planRefund(original, [{ lineIndex: 0, qtyMilli: sold - before + 1 }], [before])).toEqual({ ok: false, reason: 'over-refund' });
        },
      ),
      { numRuns: 300 },
    );
  });
});
