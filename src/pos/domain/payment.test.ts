import { describe, expect, it } from 'vitest';
import type { Tender } from '@model';
import {
  addTender,
  cashDue,
  changeDue,
  foreignToBase,
  refundTenders,
  remainingDue,
  roundToStep,
  settle,
  toTender,
  type PaymentContext,
  type TenderInput,
} from './payment';

const ctx: PaymentContext = { baseCurrency: 'PLN', baseDecimals: 2 };
const ctx5: PaymentContext = { ...ctx, cashRounding: 5 };
const EUR = { code: 'EUR', decimals: 2, rate: '4.2731' };
const JPY = { code: 'JPY', decimals: 0, rate: '0.025' };

function tenders(inputs: TenderInput[], c: PaymentContext = ctx): Tender[] {
  return inputs.map((i) => {
    const t = toTender(i, c);
    if (!t.ok) throw new Error(t.reason);
    return t.value;
  });
}

const cash = (amount: number): TenderInput => ({ method: 'cash', amount });
const card = (amount: number): TenderInput => ({ method: 'card', amount });
const eur = (foreignAmount: number): TenderInput => ({ method: 'foreignCash', foreignAmount, currency: EUR });

describe('foreign cash conversion', () => {
  it.each([
    [2000, EUR, 8546], // 20.00 EUR × 4.2731 = 85.462 PLN
    [1, EUR, 4], // 0.042731 PLN = 4.27 grosze
    [1000, { code: 'JPY', decimals: 0, rate: '0.0265' }, 2650],
    [1, JPY, 3], // 2.5 grosze → 3, half away from zero
    [3, JPY, 8], // 7.5 → 8
    [1, { code: 'XXX', decimals: 2, rate: '0.5' }, 1], // 0.5 → 1
    [100, { code: 'KWD', decimals: 3, rate: '13.1' }, 131], // 0.100 KWD = 1.31 PLN
  ])('%i minor units of %j → %i base minor units', (amount, currency, expected) => {
    expect(foreignToBase(amount, currency, 2)).toEqual({ ok: true, value: expected });
  });

  it('records the foreign amount and the rate used on the tender', () => {
    expect(toTender(eur(2000), ctx)).toEqual({
      ok: true,
      value: { method: 'foreignCash', amount: 8546, currency: 'EUR', foreignAmount: 2000, rate: '4.2731', label: null },
    });
  });

  it.each([
    [eur(0), 'invalid-amount'],
    [{ method: 'foreignCash', foreignAmount: 100, currency: { ...EUR, rate: 'abc' } }, 'invalid-rate'],
    [{ method: 'foreignCash', foreignAmount: 1, currency: { ...EUR, rate: '0.001' } }, 'invalid-amount'], // rounds to 0
    [cash(-100), 'invalid-amount'],
    [card(12.5), 'invalid-amount'],
  ] as [TenderInput, string][])('refuses %j as %s', (input, reason) => {
    expect(toTender(input, ctx)).toEqual({ ok: false, reason });
  });
});

describe('settle: split tenders and change', () => {
  it.each([
    // name, due, tenders, remaining, change
    ['exact cash', 10000, [cash(10000)], 0, 0],
    ['cash overpaid', 10000, [cash(20000)], 0, 10000],
    ['card then cash, change from cash', 10000, [card(6000), cash(5000)], 0, 1000],
    ['cash then card for the rest', 10000, [cash(5000), card(5000)], 0, 0],
    ['partial', 10000, [card(2500), cash(2000)], 5500, 0],
    ['foreign cash with change in base cash', 8000, [eur(2000)], 0, 546],
    ['foreign cash then card', 10000, [eur(2000), card(1454)], 0, 0],
    ['foreign cash and base cash', 10000, [eur(2000), cash(2000)], 0, 546],
    ['nothing yet', 10000, [], 10000, 0],
    ['zero due', 0, [], 0, 0],
  ])('%s', (_name, due, inputs, remaining, change) => {
    const r = settle(due, tenders(inputs), ctx);
    expect(r.ok && [r.value.remaining, r.value.change, r.value.complete]).toEqual([remaining, change, remaining === 0]);
    expect(remainingDue(due, tenders(inputs), ctx)).toBe(remaining);
    expect(changeDue(due, tenders(inputs), ctx)).toBe(change);
  });

  it.each([
    ['card above the amount due', 10000, [card(10001)]],
    ['card above what is left after cash', 10000, [cash(5000), card(6000)]],
    ['other tender overpaying', 500, [{ method: 'other', amount: 600, label: 'Voucher' }]],
    ['card after the sale is already paid', 1000, [cash(1000), card(1)]],
  ] as [string, number, TenderInput[]][])('refuses %s', (_name, due, inputs) => {
    expect(settle(due, tenders(inputs), ctx)).toEqual({ ok: false, reason: 'non-cash-overpayment' });
  });

  it('adds tenders one at a time with the same checks', () => {
    const first = addTender(10000, [], cash(4000), ctx);
    expect(first.ok && first.value.remaining).toBe(6000);
    const tooMuch = addTender(10000, first.ok ? first.value.tenders : [], card(7000), ctx);
    expect(tooMuch).toEqual({ ok: false, reason: 'non-cash-overpayment' });
    expect(addTender(10000, [], { method: 'foreignCash', foreignAmount: 10, currency: { ...EUR, rate: '' } }, ctx)).toEqual({ ok: false, reason: 'invalid-rate' });
  });

  it('refuses more tenders than a receipt holds', () => {
    expect(settle(2100, tenders(Array.from({ length: 21 }, () => cash(100))), ctx)).toEqual({ ok: false, reason: 'too-many-tenders' });
    expect(settle(2000, tenders(Array.from({ length: 20 }, () => cash(100))), ctx).ok).toBe(true);
  });

  it('refuses a negative amount due (refunds use refundTenders)', () => {
    expect(settle(-100, [], ctx)).toEqual({ ok: false, reason: 'negative-due' });
  });
});

describe('cash rounding', () => {
  it.each([
    [12, 5, 10],
    [13, 5, 15],
    [-12, 5, -10],
    [-13, 5, -15],
    [5, 10, 10], // half away from zero
    [-5, 10, -10],
    [1002, 1, 1002],
  ])('roundToStep(%i, %i) = %i', (amount, step, expected) => {
    expect(roundToStep(amount, step)).toBe(expected);
  });

  it.each([
    // name, due, tenders, remaining, change, rounding (total − kept)
    ['rounds the balance down in the customer favour', 1002, [cash(1000)], 0, 0, 2],
    ['asks for the next coin when short', 1003, [cash(1000)], 5, 0, 0],
    ['rounds the change', 1003, [cash(2000)], 0, 995, -2],
    ['also with foreign cash', 8000, [eur(2000)], 0, 545, -1], // change 5.46 → 5.45: the shop keeps 1
    ['exact multiple needs no rounding', 1005, [cash(1005)], 0, 0, 0],
  ])('%s', (_name, due, inputs, remaining, change, rounding) => {
    const r = settle(due, tenders(inputs, ctx5), ctx5);
    expect(r.ok && [r.value.cashRounded, r.value.remaining, r.value.change, r.value.rounding]).toEqual([true, remaining, change, rounding]);
  });

  it('does not round when a card pays part of the sale', () => {
    const r = settle(1002, tenders([card(2), cash(1000)], ctx5), ctx5);
    expect(r.ok && [r.value.cashRounded, r.value.complete, r.value.change, r.value.rounding]).toEqual([false, true, 0, 0]);
    expect(remainingDue(1002, tenders([card(1)], ctx5), ctx5)).toBe(1001);
  });

  it('quotes the cash-rounded total before any tender', () => {
    expect(cashDue(1002, ctx5)).toBe(1000);
    expect(cashDue(1002, ctx)).toBe(1002);
  });
});

describe('refundTenders', () => {
  it.each([
    [-1002, 'cash', ctx5, [-1000]],
    [-1003, 'cash', ctx5, [-1005]],
    [-1002, 'card', ctx5, [-1002]],
    [-1002, 'cash', ctx, [-1002]],
    [-2, 'cash', ctx5, []],
  ] as const)('%i by %s → %j', (total, method, c, amounts) => {
    const ts = refundTenders(total, method, c);
    expect(ts.map((t) => t.amount)).toEqual(amounts);
    ts.forEach((t) => expect(t).toMatchObject({ method, currency: 'PLN', foreignAmount: null }));
  });
});
