import { describe, expect, it } from 'vitest';
import { shiftReport as shiftReportSchema, type Receipt, type Tender } from '@model';
import type { Result } from './money';
import { cashIn, cashOut, closeShift, foreignCashTotals, openShift, xReport, type Shift } from './shift';

const T0 = '2026-03-10T08:00:00Z';

function ok<T>(r: Result<T, string>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

const tender = (method: Tender['method'], amount: number, extra: Partial<Tender> = {}): Tender => ({
  method,
  amount,
  currency: 'PLN',
  foreignAmount: null,
  rate: null,
  label: null,
  ...extra,
});

let n = 0;
function receipt(kind: Receipt['kind'], total: number, tenders: Tender[], change = 0, shiftId = 's1'): Receipt {
  n += 1;
  return {
    id: `r${n}`,
    number: `T1-${String(n).padStart(6, '0')}`,
    kind,
    tillId: 'till-1',
    shiftId,
    operatorId: 'op-1',
    clientId: null,
    refundOf: null,
    createdAt: T0,
    currency: 'PLN',
    taxMode: 'inclusive',
    lines: [{ articleId: null, sku: '', name: 'Item', qtyMilli: kind === 'sale' ? 1000 : -1000, unitPrice: Math.abs(total), vatRate: 0, discount: 0, total: total, vat: 0 }],
    basketDiscount: 0,
    subtotal: total,
    vatTotal: 0,
    total: total,
    tenders,
    change: change,
  };
}

const receipts: Receipt[] = [
  receipt('sale', 1349, [tender('cash', 2000)], 650), // cash-rounded change: the shop kept 1 more
  receipt('sale', 5000, [tender('card', 3000), tender('cash', 2000)]),
  receipt('sale', 8000, [tender('foreignCash', 8546, { currency: 'EUR', foreignAmount: 2000, rate: '4.2731' })], 546),
  receipt('refund', -1000, [tender('cash', -1000)]),
  receipt('refund', -500, [tender('card', -500)]),
  receipt('sale', 99999, [tender('cash', 99999)], 0, 'another-shift'),
];

function shiftWithMoves(): Shift {
  let s = ok(openShift({ id: 's1', tillId: 'till-1', number: 7, operatorId: 'op-1', now: T0, float: 10000 }));
  s = ok(cashIn(s, { amount: 500, reason: 'Change top-up', operatorId: 'op-1', now: T0 }));
  return ok(cashOut(s, { amount: 3000, reason: 'Safe drop', operatorId: 'op-2', now: T0 }));
}

describe('Z report', () => {
  const closed = ok(closeShift(shiftWithMoves(), receipts, 9300, '2026-03-10T20:00:00Z', 'op-2'));
  const z = closed.report;

  it('is a valid entities.ShiftReport', () => {
    expect(shiftReportSchema.parse(z)).toEqual(z);
    expect(z).toMatchObject({ id: 's1', number: 7, openedBy: 'op-1', closedBy: 'op-2', closedAt: '2026-03-10T20:00:00.000Z' });
  });

  it.each([
    ['salesCount', 3],
    ['refundsCount', 2],
    ['salesTotal', 14349],
    ['refundsTotal', 1500],
    ['openingFloat', 10000],
    ['cashIn', 500],
    ['cashOut', 3000],
    // 100.00 + cash sales 40.00 − cash refunds 10.00 − change 11.96 + 5.00 − 30.00
    ['expectedCash', 9304],
    ['countedCash', 9300],
    ['difference', -4],
  ] as const)('%s = %i', (field, expected) => {
    expect(z[field]).toBe(expected);
  });

  it('splits takings by method, foreign cash per currency, net of refunds and change', () => {
    expect(z.byMethod).toEqual({ card: 2500, cash: 1804, cashRounding: -1, 'foreignCash:EUR': 8546 });
    const sumByMethod = Object.values(z.byMethod).reduce((s, x) => s + x, 0);
    expect(sumByMethod).toBe(z.salesTotal - z.refundsTotal);
  });

  it('closes the shift once', () => {
    expect(closed.shift.countedCash).toBe(9300);
    expect(closeShift(closed.shift, receipts, 9300, T0, 'op-2')).toEqual({ ok: false, reason: 'shift-closed' });
    expect(cashIn(closed.shift, { amount: 1, reason: 'late', operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: 'shift-closed' });
  });

  it('counts foreign notes in their own currency', () => {
    expect(foreignCashTotals('s1', receipts)).toEqual({ EUR: 2000 });
  });
});

describe('X report', () => {
  it('reports the open shift without a count', () => {
    const x = xReport(shiftWithMoves(), receipts);
    expect(shiftReportSchema.parse(x)).toEqual(x);
    expect([x.closedAt, x.closedBy, x.countedCash, x.difference, x.expectedCash]).toEqual([null, null, null, null, 9304]);
  });

  it('is the float alone for a shift without sales', () => {
    const s = ok(openShift({ id: 's2', tillId: 'till-1', number: 8, operatorId: 'op-1', now: T0, float: 5000 }));
    expect(xReport(s, receipts)).toMatchObject({ salesCount: 0, refundsCount: 0, byMethod: {}, expectedCash: 5000 });
  });
});

describe('cash movements', () => {
  const s = ok(openShift({ id: 's1', tillId: 'till-1', number: 1, operatorId: 'op-1', now: T0, float: 0 }));

  it('records signed moves with a trimmed reason', () => {
    const moved = ok(cashOut(s, { amount: 250, reason: '  Paid supplier ', operatorId: 'op-1', now: T0 }));
    expect(moved.cashMoves).toEqual([{ at: '2026-03-10T08:00:00.000Z', amount: -250, reason: 'Paid supplier', operatorId: 'op-1' }]);
  });

  it.each([
    ['a zero amount', 0, 'x', 'invalid-amount'],
    ['a negative amount', -5, 'x', 'invalid-amount'],
    ['a fractional amount', 1.5, 'x', 'invalid-amount'],
    ['no reason', 100, '   ', 'missing-reason'],
  ])('refuses %s', (_name, amount, reason, failure) => {
    expect(cashIn(s, { amount, reason, operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: failure });
  });

  it('refuses a negative float or count', () => {
    expect(openShift({ id: 's', tillId: 't', number: 1, operatorId: 'o', now: T0, float: -1 })).toEqual({ ok: false, reason: 'invalid-amount' });
    expect(closeShift(s, [], -1, T0, 'o')).toEqual({ ok: false, reason: 'invalid-amount' });
  });
});
