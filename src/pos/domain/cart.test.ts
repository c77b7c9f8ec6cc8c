import { describe, expect, it } from 'vitest';
import {
  addArticle,
  addFreeLine,
  attachClient,
  emptyCart,
  MAX_LINES,
  removeLine,
  setBasketDiscount,
  setLineDiscount,
  setQuantity,
  type Cart,
  type CartArticle,
  type CartResult,
} from './cart';
import { minor } from './money';

const bread: CartArticle = { id: 'bread', sku: 'B1', name: 'Bread', unit: 'pcs', groupId: 'bakery', vatRate: 550, active: true };
const cheese: CartArticle = { id: 'cheese', sku: 'C1', name: 'Comté', unit: 'kg', groupId: 'dairy', vatRate: 550, active: true };

function value(r: CartResult): Cart {
  if (!r.ok) throw new Error(`expected ok, got ${r.reason}`);
  return r.value;
}

describe('addArticle', () => {
  it('merges the quantity of a piece article already in the cart', () => {
    let cart = value(addArticle(emptyCart(), bread, 120));
    cart = value(addArticle(cart, bread, 120, 2000));
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]).toMatchObject({ lineId: 'L1', articleId: 'bread', qtyMilli: 3000, unitPrice: 120 });
  });

  it('gives each weighing of a weighed article its own line', () => {
    let cart = value(addArticle(emptyCart(), cheese, 2490, 350));
    cart = value(addArticle(cart, cheese, 2490, 420));
    expect(cart.lines.map((l) => [l.lineId, l.qtyMilli])).toEqual([
      ['L1', 350],
      ['L2', 420],
    ]);
  });

  it.each([
    ['an inactive article', { ...bread, active: false }, 120, 1000, 'inactive-article'],
    ['half a piece', bread, 120, 1500, 'invalid-quantity'],
    ['a zero weight', cheese, 2490, 0, 'invalid-quantity'],
    ['a negative price', bread, -1, 1000, 'invalid-price'],
    ['a fractional price', bread, 1.5, 1000, 'invalid-price'],
  ])('refuses %s', (_name, article, price, qty, reason) => {
    expect(addArticle(emptyCart(), article, price, qty)).toEqual({ ok: false, reason });
  });

  it('never changes the cart it was given', () => {
    const before = value(addArticle(emptyCart(), bread, 120));
    const snapshot = JSON.parse(JSON.stringify(before));
    value(addArticle(before, bread, 120));
    value(setLineDiscount(before, 'L1', { kind: 'percent', value: 1000 }));
    expect(before).toEqual(snapshot);
  });
});

describe('line edits', () => {
  const cart = value(addArticle(value(addArticle(emptyCart(), bread, 120, 2000)), cheese, 2490, 500));

  it('sets a quantity and removes a line', () => {
    expect(value(setQuantity(cart, 'L1', 5000)).lines[0]?.qtyMilli).toBe(5000);
    expect(value(removeLine(cart, 'L1')).lines.map((l) => l.lineId)).toEqual(['L2']);
  });

  it.each([
    ['unknown line', () => setQuantity(cart, 'L9', 1000), 'unknown-line'],
    ['fractional pieces', () => setQuantity(cart, 'L1', 1500), 'invalid-quantity'],
    ['zero quantity', () => setQuantity(cart, 'L2', 0), 'invalid-quantity'],
    ['removing an unknown line', () => removeLine(cart, 'L9'), 'unknown-line'],
    ['a discount larger than the line', () => setLineDiscount(cart, 'L1', { kind: 'amount', value: 241 }), 'discount-exceeds-line'],
    ['more than 100 %', () => setLineDiscount(cart, 'L1', { kind: 'percent', value: 10_001 }), 'discount-exceeds-line'],
    ['a negative discount', () => setLineDiscount(cart, 'L1', { kind: 'amount', value: -1 }), 'invalid-discount'],
    ['a negative basket discount', () => setBasketDiscount(cart, { kind: 'percent', value: -5 }), 'invalid-discount'],
  ])('refuses %s', (_name, op, reason) => {
    expect(op()).toEqual({ ok: false, reason });
  });

  it('accepts a discount of the whole line and clears it with null', () => {
    const discounted = value(setLineDiscount(cart, 'L1', { kind: 'amount', value: 240 }));
    expect(discounted.lines[0]?.discount).toEqual({ kind: 'amount', value: 240 });
    expect(value(setLineDiscount(discounted, 'L1', null)).lines[0]?.discount).toBeNull();
  });

  it('refuses to shrink a line below its amount discount', () => {
    const discounted = value(setLineDiscount(cart, 'L1', { kind: 'amount', value: 200 }));
    expect(setQuantity(discounted, 'L1', 1000)).toEqual({ ok: false, reason: 'discount-exceeds-line' });
  });
});

describe('free lines and clients', () => {
  it('adds a free line that never merges', () => {
    const input = { sku: '', name: 'Gift wrap', unit: 'pcs' as const, qtyMilli: 1000, unitPrice: 200, vatRate: 2000 };
    const cart = value(addFreeLine(value(addFreeLine(emptyCart(), input)), input));
    expect(cart.lines.map((l) => [l.lineId, l.articleId])).toEqual([
      ['L1', null],
      ['L2', null],
    ]);
  });

  it('attaches a client and re-prices catalogue lines for its price list', () => {
    let cart = value(addArticle(emptyCart(), bread, 120));
    cart = value(addFreeLine(cart, { sku: '', name: 'Misc', unit: 'pcs', qtyMilli: 1000, unitPrice: 50, vatRate: 2000 }));
    const calls: [string | null, string | null][] = [];
    const withClient = attachClient(cart, { id: 'c1', priceListId: 'vip' }, (line, list) => {
      calls.push([line.articleId, list]);
      return list === 'vip' ? 100 : 120;
    });
    expect(calls).toEqual([['bread', 'vip']]);
    expect(withClient).toMatchObject({ clientId: 'c1', priceListId: 'vip' });
    expect(withClient.lines.map((l) => l.unitPrice)).toEqual([100, 50]);
    const detached = attachClient(withClient, null, (_line, list) => (list === 'vip' ? 100 : 120));
    expect(detached).toMatchObject({ clientId: null, priceListId: null });
    expect(detached.lines[0]?.unitPrice).toBe(120);
  });

  it.each([
    ['an empty name', { name: '  ' }],
    ['a name too long for a receipt', { name: 'x'.repeat(201) }],
    ['a sku too long for a receipt', { sku: 'x'.repeat(65) }],
  ])('refuses a free line with %s', (_name, over) => {
    const input = { sku: '', name: 'Misc', unit: 'pcs' as const, qtyMilli: 1000, unitPrice: 50, vatRate: 2000, ...over };
    expect(addFreeLine(emptyCart(), input)).toEqual({ ok: false, reason: 'invalid-name' });
  });

  it('refuses a line beyond what a receipt can hold', () => {
    const line = { sku: '', name: 'Misc', unit: 'pcs' as const, qtyMilli: 1000, unitPrice: 1, vatRate: 0 };
    const full: Cart = { ...emptyCart(), lines: Array.from({ length: MAX_LINES }, (_, i) => ({ ...line, lineId: `L${i + 1}`, articleId: null, groupId: null, unitPrice: minor(1), discount: null })), nextLineNo: MAX_LINES + 1 };
    expect(addFreeLine(full, line)).toEqual({ ok: false, reason: 'cart-full' });
    expect(addArticle(full, bread, 120)).toEqual({ ok: false, reason: 'cart-full' });
  });

  it('keeps a line price when the repricer has none', () => {
    const cart = value(addArticle(emptyCart(), bread, 120));
    expect(attachClient(cart, { id: 'c1', priceListId: null }, () => null).lines[0]?.unitPrice).toBe(120);
  });

  it('survives a JSON round trip (parked sales)', () => {
    const cart = value(setBasketDiscount(value(addArticle(emptyCart(), bread, 120)), { kind: 'percent', value: 500 }));
    expect(JSON.parse(JSON.stringify(cart))).toEqual(cart);
  });
});
