import { describe, expect, it } from 'vitest';
import type { Discount, Price, PriceList } from '@model';
import { DomainError } from './money';
import {
  bestBasketDiscount,
  bestLineDiscount,
  discountAmount,
  distributeProportionally,
  effectiveUnitPrice,
  groupAncestry,
  isValidAt,
  toEpochMs,
} from './pricing';

const NOW = '2026-03-10T12:00:00.000Z';

const lists: PriceList[] = [
  { id: 'retail', name: 'Retail', priority: 1 },
  { id: 'promo', name: 'Promo', priority: 5 },
  { id: 'vip', name: 'VIP', priority: 0 },
];

function price(over: Partial<Price> & Pick<Price, 'id' | 'priceListId' | 'amount'>): Price {
  return { articleId: 'a1', validFrom: null, validTo: null, ...over };
}

function discount(over: Partial<Discount> & Pick<Discount, 'id'>): Discount {
  return {
    name: over.id,
    scope: 'article',
    targetId: 'a1',
    kind: 'percent',
    value: 1000,
    minimum: 0,
    validFrom: null,
    validTo: null,
    active: true,
    ...over,
  };
}

describe('validity windows', () => {
  const w = { validFrom: '2026-03-10T00:00:00Z', validTo: '2026-03-11T00:00:00Z' };
  it.each([
    ['2026-03-09T23:59:59.999Z', false],
    ['2026-03-10T00:00:00.000Z', true], // from is inclusive
    ['2026-03-10T23:59:59.999Z', true],
    ['2026-03-11T00:00:00.000Z', false], // to is exclusive
  ])('at %s valid = %s', (at, expected) => {
    expect(isValidAt(w, toEpochMs(at))).toBe(expected);
  });

  it('treats null bounds as open and accepts epoch ms', () => {
    expect(isValidAt({ validFrom: null, validTo: null }, 0)).toBe(true);
    expect(toEpochMs(Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 0, 1));
    expect(() => toEpochMs('yesterday')).toThrow(DomainError);
  });
});

describe('effectiveUnitPrice', () => {
  const article = { id: 'a1', price: 500 };
  const prices = [
    price({ id: 'p1', priceListId: 'retail', amount: 450 }),
    price({ id: 'p2', priceListId: 'promo', amount: 399, validFrom: '2026-03-01T00:00:00Z', validTo: '2026-03-15T00:00:00Z' }),
    price({ id: 'p3', priceListId: 'vip', amount: 420 }),
    price({ id: 'p4', priceListId: 'retail', amount: 1, articleId: 'other' }),
  ];

  it.each([
    ['client list preferred over higher priority', NOW, 'vip', 420, 'p3'],
    ['highest priority list without a client', NOW, null, 399, 'p2'],
    ['client without a price for the article falls back to priority', NOW, 'unknown', 399, 'p2'],
    ['expired promo gives way to the next list', '2026-03-15T00:00:00Z', null, 450, 'p1'],
    ['promo before its start does not apply', '2026-02-28T23:59:59Z', null, 450, 'p1'],
  ])('%s', (_name, now, priceListId, unitPrice, priceId) => {
    const r = effectiveUnitPrice({ article, prices, priceLists: lists, priceListId, now });
    expect(r.unitPrice).toBe(unitPrice);
    expect(r.source).toMatchObject({ kind: 'priceList', priceId });
  });

  it('falls back to the article price when no list prices it now', () => {
    const r = effectiveUnitPrice({ article, prices: [prices[3] as Price], priceLists: lists, now: NOW });
    expect(r).toEqual({ unitPrice: 500, source: { kind: 'article' } });
  });

  it('ignores prices of unknown lists and prefers the latest start within one list', () => {
    const r = effectiveUnitPrice({
      article,
      prices: [
        price({ id: 'x', priceListId: 'ghost', amount: 1 }),
        price({ id: 'old', priceListId: 'retail', amount: 300, validFrom: '2026-01-01T00:00:00Z' }),
        price({ id: 'new', priceListId: 'retail', amount: 350, validFrom: '2026-03-01T00:00:00Z' }),
      ],
      priceLists: lists,
      now: NOW,
    });
    expect(r.source).toMatchObject({ priceId: 'new' });
  });
});

describe('automatic line discounts', () => {
  const line = { articleId: 'a1', groupIds: ['g-child', 'g-root'], qtyMilli: 3000, amount: 1000 };

  it.each([
    ['article percent', [discount({ id: 'd1', value: 1000 })], 'd1', 100],
    ['group amount via an ancestor group', [discount({ id: 'd2', scope: 'group', targetId: 'g-root', kind: 'amount', value: 150 })], 'd2', 150],
    [
      'best single one wins, not compounded',
      [discount({ id: 'd1', value: 1000 }), discount({ id: 'd2', scope: 'group', targetId: 'g-child', value: 1500 })],
      'd2',
      150,
    ],
    ['minimum quantity reached (inclusive)', [discount({ id: 'd3', minimum: 3000 })], 'd3', 100],
    ['amount capped at the line', [discount({ id: 'd4', kind: 'amount', value: 5000 })], 'd4', 1000],
  ])('%s', (_name, discounts, discountId, amount) => {
    expect(bestLineDiscount(line, discounts, NOW)).toEqual({ discountId, amount });
  });

  it.each([
    ['inactive', discount({ id: 'x', active: false })],
    ['minimum quantity not reached', discount({ id: 'x', minimum: 3001 })],
    ['another article', discount({ id: 'x', targetId: 'a2' })],
    ['another group', discount({ id: 'x', scope: 'group', targetId: 'g-other' })],
    ['expired', discount({ id: 'x', validTo: '2026-03-10T12:00:00Z' })],
    ['basket scope', discount({ id: 'x', scope: 'basket', targetId: null })],
  ])('skips a discount that is %s', (_name, d) => {
    expect(bestLineDiscount(line, [d], NOW)).toBeNull();
  });

  it('breaks ties by discount id so the choice is stable', () => {
    const ds = [discount({ id: 'b', value: 1000 }), discount({ id: 'a', kind: 'amount', value: 100 })];
    expect(bestLineDiscount(line, ds, NOW)?.discountId).toBe('a');
  });
});

describe('automatic basket discounts', () => {
  const ds = [
    discount({ id: 'b5', scope: 'basket', targetId: null, value: 500, minimum: 5000 }),
    discount({ id: 'b10', scope: 'basket', targetId: null, value: 1000, minimum: 10000 }),
  ];
  it.each([
    [4999, null],
    [5000, { discountId: 'b5', amount: 250 }],
    [9999, { discountId: 'b5', amount: 500 }],
    [10000, { discountId: 'b10', amount: 1000 }],
  ])('subtotal %i → %j', (subtotal, expected) => {
    expect(bestBasketDiscount(subtotal, ds, NOW)).toEqual(expected);
  });
});

describe('discountAmount', () => {
  it.each([
    [1000, { kind: 'percent', value: 1250 }, 125],
    [1004, { kind: 'percent', value: 1250 }, 126], // 125.5 → 126
    [1000, { kind: 'percent', value: 20000 }, 1000], // never more than the base
    [1000, { kind: 'amount', value: 300 }, 300],
    [200, { kind: 'amount', value: 300 }, 200],
    [0, { kind: 'amount', value: 300 }, 0],
  ] as const)('%i with %j → %i', (base, d, expected) => {
    expect(discountAmount(base, d)).toBe(expected);
  });
});

describe('distributeProportionally', () => {
  it.each([
    [100, [1000, 1000], [50, 50]],
    [100, [500, 300, 200], [50, 30, 20]],
    [10, [333, 333, 334], [3, 3, 4]], // remainder to the largest line
    [2, [1, 1, 1], [1, 1, 0]], // remainder spills when the largest line is full
    [3, [1, 1, 1], [1, 1, 1]],
    [7, [0, 10], [0, 7]],
    [0, [10, 20], [0, 0]],
  ])('%i over %j → %j', (total, weights, expected) => {
    const shares = distributeProportionally(total, weights);
    expect(shares).toEqual(expected);
    expect(shares.reduce((s, x) => s + x, 0)).toBe(total);
  });

  it('refuses to spread more than the lines hold', () => {
    expect(() => distributeProportionally(31, [10, 20])).toThrow(DomainError);
  });
});

describe('groupAncestry', () => {
  it('lists the group and its parents, cutting cycles', () => {
    const groups = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'c' },
      { id: 'c', parentId: 'a' },
    ];
    expect(groupAncestry('a', groups)).toEqual(['a', 'b', 'c']);
    expect(groupAncestry(null, groups)).toEqual([]);
  });
});
