import { describe, expect, it } from 'vitest';
import type { Discount } from '@model';
import { addArticle, addFreeLine, emptyCart, setBasketDiscount, setLineDiscount, type Cart, type CartArticle, type CartResult } from './cart';
import { computeTotals } from './totals';

const NOW = '2026-03-10T12:00:00Z';
const wine: CartArticle = { id: 'wine', sku: 'W1', name: 'Wine', unit: 'pcs', groupId: 'drinks', vatRate: 2000, active: true };
const coffee: CartArticle = { id: 'coffee', sku: 'K1', name: 'Coffee beans', unit: 'kg', groupId: 'grocery', vatRate: 500, active: true };

function value(r: CartResult): Cart {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

const d = (over: Partial<Discount> & Pick<Discount, 'id'>): Discount => ({
  name: over.id,
  scope: 'article',
  targetId: null,
  kind: 'percent',
  value: 0,
  minimum: 0,
  validFrom: null,
  validTo: null,
  active: true,
  ...over,
});

const discounts: Discount[] = [
  d({ id: 'wine-10', scope: 'article', targetId: 'wine', value: 1000 }), // 10 %
  d({ id: 'drinks-2', scope: 'group', targetId: 'drinks', kind: 'amount', value: 200 }), // 2.00 per line
  d({ id: 'basket-5', scope: 'basket', kind: 'percent', value: 500, minimum: 5000 }), // 5 % from 50.00
];

// 3 × wine at 10.00 (20 % VAT) with a 5 % manual line discount; 1.5 kg coffee at 20.00/kg (5 %);
// a manual basket discount of 1.00.
function stackedCart(): Cart {
  let cart = value(addArticle(emptyCart(), wine, 1000, 3000));
  cart = value(addArticle(cart, coffee, 2000, 1500));
  cart = value(setLineDiscount(cart, 'L1', { kind: 'percent', value: 500 }));
  return value(setBasketDiscount(cart, { kind: 'amount', value: 100 }));
}

describe('computeTotals: discount stacking order', () => {
  const t = computeTotals(stackedCart(), { taxMode: 'inclusive', now: NOW, discounts });

  it.each([
    // field, wine line, coffee line
    ['gross', 3000, 3000],
    ['autoDiscount', 300, 0], // best single automatic discount: 10 % (3.00) beats 2.00, not both
    ['manualDiscount', 135, 0], // 5 % of what the automatic discount left (27.00), not of 30.00
    ['basketShare', 174, 204], // 3.78 spread 25.65 : 30.00, remainder cent to the largest line
    ['discount', 609, 204],
    ['amount', 2391, 2796],
    ['vat', 399, 133], // 398.5 → 399 (half away from zero); 133.14 → 133
    ['net', 1992, 2663],
    ['total', 2391, 2796],
  ] as const)('line %s', (field, wineValue, coffeeValue) => {
    expect([t.lines[0]?.[field], t.lines[1]?.[field]]).toEqual([wineValue, coffeeValue]);
  });

  it('applies the automatic basket discount before the manual one', () => {
    expect(t.subtotal).toBe(5565);
    expect(t.autoBasketDiscount).toBe(278); // 5 % of 55.65 = 2.7825
    expect(t.autoBasketDiscountId).toBe('basket-5');
    expect(t.manualBasketDiscount).toBe(100);
    expect(t.basketDiscount).toBe(378);
    expect(t.lines[0]?.autoDiscountId).toBe('wine-10');
  });

  it('adds up exactly: lines, VAT summary and receipt totals', () => {
    expect(t.total).toBe(5187);
    expect(t.total).toBe(t.subtotal - t.basketDiscount);
    expect(t.vatTotal).toBe(532);
    expect(t.vatSummary).toEqual([
      { rate: 500, net: 2663, vat: 133, total: 2796 },
      { rate: 2000, net: 1992, vat: 399, total: 2391 },
    ]);
  });

  it('adds VAT on top in exclusive mode', () => {
    const x = computeTotals(stackedCart(), { taxMode: 'exclusive', now: NOW, discounts });
    expect(x.lines.map((l) => [l.amount, l.vat, l.total])).toEqual([
      [2391, 478, 2869], // 478.2
      [2796, 140, 2936], // 139.8
    ]);
    expect(x.vatTotal).toBe(618);
    expect(x.total).toBe(x.subtotal - x.basketDiscount + x.vatTotal);
  });

  it('ignores automatic discounts outside their window', () => {
    const later = computeTotals(stackedCart(), {
      taxMode: 'inclusive',
      now: NOW,
      discounts: discounts.map((x) => ({ ...x, validTo: '2026-03-10T12:00:00Z' })),
    });
    expect(later.lines.map((l) => l.autoDiscount)).toEqual([0, 0]);
    expect(later.autoBasketDiscount).toBe(0);
  });

  it('reaches articles of sub-groups with a group discount', () => {
    const cart = value(addArticle(emptyCart(), { ...wine, groupId: 'red-wine' }, 1000));
    const groups = [
      { id: 'red-wine', parentId: 'drinks' },
      { id: 'drinks', parentId: null },
    ];
    const t2 = computeTotals(cart, { taxMode: 'inclusive', now: NOW, discounts: [discounts[1] as Discount], groups });
    expect(t2.lines[0]?.autoDiscountId).toBe('drinks-2');
  });
});

describe('computeTotals: limits', () => {
  it('sums line VATs rather than taxing the receipt total', () => {
    const line = { sku: '', name: 'Sweet', unit: 'pcs' as const, qtyMilli: 1000, unitPrice: 3, vatRate: 2000 };
    const cart = value(addFreeLine(value(addFreeLine(emptyCart(), line)), line));
    const t = computeTotals(cart, { taxMode: 'inclusive', now: NOW });
    expect(t.lines.map((l) => l.vat)).toEqual([1, 1]); // 0.5 each, rounded away from zero
    expect(t.vatTotal).toBe(2); // not round(6 / 6) = 1
  });

  it('never takes a line or the basket below zero', () => {
    let cart = value(addArticle(emptyCart(), wine, 1000, 3000));
    cart = value(setLineDiscount(cart, 'L1', { kind: 'amount', value: 3000 })); // allowed against 30.00
    cart = value(setBasketDiscount(cart, { kind: 'percent', value: 10_000 }));
    const t = computeTotals(cart, { taxMode: 'inclusive', now: NOW, discounts });
    expect(t.lines[0]).toMatchObject({ autoDiscount: 300, manualDiscount: 2700, amount: 0, total: 0, vat: 0 });
    expect(t.basketDiscount).toBe(0);
    expect(t.total).toBe(0);
  });

  it('spreads a 100 % basket discount so every line ends at zero', () => {
    let cart = value(addArticle(emptyCart(), wine, 999, 1000));
    cart = value(addArticle(cart, coffee, 1001, 333));
    cart = value(setBasketDiscount(cart, { kind: 'percent', value: 10_000 }));
    const t = computeTotals(cart, { taxMode: 'exclusive', now: NOW });
    expect(t.lines.map((l) => l.total)).toEqual([0, 0]);
    expect(t.basketDiscount).toBe(t.subtotal);
  });

  it('totals an empty cart as zero', () => {
    const t = computeTotals(emptyCart(), { taxMode: 'inclusive', now: NOW, discounts });
    expect([t.subtotal, t.basketDiscount, t.vatTotal, t.total, t.lines.length]).toEqual([0, 0, 0, 0, 0]);
  });
});
