// A cash shift: opening float, cash in/out with a reason, the X report (running) and the Z report
// (closing), both entities.ShiftReport.
//
// Report rules: only receipts of this shift count. refundsTotal is a positive magnitude.
// byMethod holds what each method took in base minor units, net of refunds: "cash" (less the
// change given), "card", "other", "foreignCash:EUR" (one bucket per currency, its base value),
// and "cashRounding" (what cash rounding forgave, when not zero), so that byMethod sums to
// salesTotal − refundsTotal.
// expectedCash = float + cash sales − cash refunds − change + cashIn − cashOut (base cash only;
// foreign notes are counted apart, see foreignCashTotals). difference = counted − expected.
import type { Receipt, ShiftReport } from '@model';
import { minor, sum, ZERO, type Minor, type Result } from './money';
import { toIso, type Instant } from './pricing';

export interface CashMove {
  readonly at: string;
  /** Positive for cash in, negative for cash out. */
  readonly amount: Minor;
  readonly reason: string;
  readonly operatorId: string;
}

export interface Shift {
  readonly id: string;
  readonly tillId: string;
  readonly number: number;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly openingFloat: Minor;
  readonly cashMoves: readonly CashMove[];
  readonly closedBy: string | null;
  readonly closedAt: string | null;
  readonly countedCash: Minor | null;
}

export type ShiftFailure = 'invalid-amount' | 'missing-reason' | 'shift-closed';

export function openShift(input: {
  id: string;
  tillId: string;
  number: number;
  operatorId: string;
  now: Instant;
  float: number;
}): Result<Shift, 'invalid-amount'> {
  if (!Number.isSafeInteger(input.float) || input.float < 0) return { ok: false, reason: 'invalid-amount' };
  return {
    ok: true,
    value: {
      id: input.id,
      tillId: input.tillId,
      number: input.number,
      openedBy: input.operatorId,
      openedAt: toIso(input.now),
      openingFloat: minor(input.float),
      cashMoves: [],
      closedBy: null,
      closedAt: null,
      countedCash: null,
    },
  };
}

export interface CashMoveInput {
  /** Positive amount in base minor units. */
  amount: number;
  reason: string;
  operatorId: string;
  now: Instant;
}

function move(shift: Shift, input: CashMoveInput, sign: 1 | -1): Result<Shift, ShiftFailure> {
  if (shift.closedAt !== null) return { ok: false, reason: 'shift-closed' };
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) return { ok: false, reason: 'invalid-amount' };
  const reason = input.reason.trim();
  if (reason === '') return { ok: false, reason: 'missing-reason' };
  const entry: CashMove = { at: toIso(input.now), amount: minor(sign * input.amount), reason, operatorId: input.operatorId };
  return { ok: true, value: { ...shift, cashMoves: [...shift.cashMoves, entry] } };
}

/** Cash put into the drawer (change top-up…). */
export function cashIn(shift: Shift, input: CashMoveInput): Result<Shift, ShiftFailure> {
  return move(shift, input, 1);
}

/** Cash taken out of the drawer (safe drop, paid-out…). */
export function cashOut(shift: Shift, input: CashMoveInput): Result<Shift, ShiftFailure> {
  return move(shift, input, -1);
}

function addTo(map: Map<string, number>, key: string, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

function tally(receipts: readonly Receipt[]) {
  const byMethod = new Map<string, number>();
  let salesCount = 0;
  let refundsCount = 0;
  let salesTotal = 0;
  let refundsTotal = 0;
  for (const r of receipts) {
    if (r.kind === 'sale') {
      salesCount += 1;
      salesTotal += r.total;
    } else {
      refundsCount += 1;
      refundsTotal -= r.total;
    }
    for (const t of r.tenders) addTo(byMethod, t.method === 'foreignCash' ? `foreignCash:${t.currency}` : t.method, t.amount);
    if (r.change !== 0) addTo(byMethod, 'cash', -r.change);
    const kept = sum(r.tenders.map((t) => t.amount)) - r.change;
    if (kept !== r.total) addTo(byMethod, 'cashRounding', r.total - kept);
  }
  const methods: Record<string, Minor> = {};
  for (const [k, v] of [...byMethod.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (k !== 'cashRounding' || v !== 0) methods[k] = minor(v);
  }
  return { byMethod: methods, salesCount, refundsCount, salesTotal: minor(salesTotal), refundsTotal: minor(refundsTotal) };
}

function report(shift: Shift, receipts: readonly Receipt[]): ShiftReport {
  const own = receipts.filter((r) => r.shiftId === shift.id);
  const t = tally(own);
  const cashIn = sum(shift.cashMoves.filter((m) => m.amount > 0).map((m) => m.amount));
  const cashOut = sum(shift.cashMoves.filter((m) => m.amount < 0).map((m) => -m.amount));
  const expectedCash = minor(shift.openingFloat + (t.byMethod.cash ?? 0) + cashIn - cashOut);
  return {
    id: shift.id,
    tillId: shift.tillId,
    number: shift.number,
    openedBy: shift.openedBy,
    closedBy: shift.closedBy,
    openedAt: shift.openedAt,
    closedAt: shift.closedAt,
    openingFloat: shift.openingFloat,
    cashIn,
    cashOut,
    ...t,
    expectedCash,
    countedCash: shift.countedCash,
    difference: shift.countedCash === null ? null : minor(shift.countedCash - expectedCash),
  };
}

/** The X report: the shift so far, without closing it. */
export function xReport(shift: Shift, receipts: readonly Receipt[]): ShiftReport {
  return report(shift, receipts);
}

/** Closes the shift with the counted cash and returns the closed shift and its Z report. */
export function closeShift(
  shift: Shift,
  receipts: readonly Receipt[],
  countedCash: number,
  now: Instant,
  closedBy: string,
): Result<{ shift: Shift; report: ShiftReport }, ShiftFailure> {
  if (shift.closedAt !== null) return { ok: false, reason: 'shift-closed' };
  if (!Number.isSafeInteger(countedCash) || countedCash < 0) return { ok: false, reason: 'invalid-amount' };
  const closed: Shift = { ...shift, closedAt: toIso(now), closedBy, countedCash: minor(countedCash) };
  return { ok: true, value: { shift: closed, report: report(closed, receipts) } };
}

/** Foreign notes taken during the shift, per currency, in that currency's minor units. */
export function foreignCashTotals(shiftId: string, receipts: readonly Receipt[]): Record<string, Minor> {
  const out: Record<string, Minor> = {};
  for (const r of receipts) {
    if (r.shiftId !== shiftId) continue;
    for (const t of r.tenders) {
      if (t.method === 'foreignCash') out[t.currency] = minor((out[t.currency] ?? ZERO) + (t.foreignAmount ?? 0));
    }
  }
  return out;
}
