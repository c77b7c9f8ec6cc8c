// Paying a sale with one or several tenders: cash, card, other, foreign cash.
//
// Rules (docs/domain-rules.md has worked examples):
// - Only cash and foreign cash may overpay. A card or "other" tender may not exceed what is still
//   due when it is added (in order), so change only ever comes out of cash.
// - FOREIGN CASH is converted at the back-office rate (base units per one foreign unit) into
//   base minor units: base = foreign × rate × 10^baseDecimals / 10^foreignDecimals, rounded HALF
//   AWAY FROM ZERO, once per tender. Change is always given in base cash.
// - CASH ROUNDING: when every tender of the sale is cash or foreign cash and
//   parameters.cashRounding > 1, the balance (paid − due) is rounded to a multiple of
//   cashRounding, half away from zero. A negative rounded balance is still due, a positive one is
//   the change. The receipt total is unchanged; the difference (total − kept) is reported by the
//   shift as byMethod.cashRounding. Refunds paid in cash round their payout the same way.
import { isCashMethod, type PlainMethod, type RefundMethod, type Tender } from '@model';
import { minor, parseRate, roundHalfAwayFromZero, sum, ZERO, type Minor, type Result } from './money';

export interface PaymentContext {
  /** The shop's base currency code (parameters.baseCurrency). */
  baseCurrency: string;
  /** Decimals of the base currency (from its currency record). */
  baseDecimals: number;
  /** parameters.cashRounding: the smallest coin in minor units; 1 (or absent) means none. */
  cashRounding?: number;
}

/** A foreign currency as the back office sends it (entities.Currency fits). */
export interface ForeignCurrency {
  code: string;
  decimals: number;
  /** Base-currency units for one unit of this currency, as decimal text ("4.2731"). */
  rate: string;
}

export type TenderInput =
  | { method: 'cash'; amount: number }
  | { method: PlainMethod; amount: number; label?: string | null }
  | { method: 'foreignCash'; foreignAmount: number; currency: ForeignCurrency };

export type TenderFailure = 'invalid-amount' | 'invalid-rate';
export type PaymentFailure = TenderFailure | 'non-cash-overpayment' | 'negative-due' | 'too-many-tenders';

/** A receipt holds at most this many tenders (entities.receipt). */
export const MAX_TENDERS = 20;

/** Converts foreign minor units to base minor units at `rate`, half away from zero. */
export function foreignToBase(foreignAmount: number, currency: ForeignCurrency, baseDecimals: number): Result<Minor, 'invalid-rate'> {
  const rate = parseRate(currency.rate);
  if (!rate.ok) return rate;
  const num = BigInt(minor(foreignAmount)) * rate.value.num * 10n ** BigInt(baseDecimals);
  const den = rate.value.den * 10n ** BigInt(currency.decimals);
  return { ok: true, value: minor(Number(roundHalfAwayFromZero(num, den))) };
}

/** Builds the receipt tender (amount in base minor units) from what the cashier entered. */
export function toTender(input: TenderInput, ctx: PaymentContext): Result<Tender, TenderFailure> {
  if (input.method === 'foreignCash') {
    if (!Number.isSafeInteger(input.foreignAmount) || input.foreignAmount <= 0) return { ok: false, reason: 'invalid-amount' };
    const base = foreignToBase(input.foreignAmount, input.currency, ctx.baseDecimals);
    if (!base.ok) return base;
    if (base.value <= 0) return { ok: false, reason: 'invalid-amount' };
    return {
      ok: true,
      value: {
        method: 'foreignCash',
        amount: base.value,
        currency: input.currency.code,
        foreignAmount: minor(input.foreignAmount),
        rate: input.currency.rate,
        label: null,
      },
    };
  }
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) return { ok: false, reason: 'invalid-amount' };
  const label = input.method === 'cash' ? null : (input.label ?? null);
  return {
    ok: true,
    value: { method: input.method, amount: minor(input.amount), currency: ctx.baseCurrency, foreignAmount: null, rate: null, label },
  };
}

/** Rounds to a multiple of `step`, half away from zero (step 5: 12 → 10, 13 → 15, -13 → -15). */
export function roundToStep(amount: number, step: number): Minor {
  if (step <= 1) return minor(amount);
  return minor(Number(roundHalfAwayFromZero(BigInt(minor(amount)), BigInt(step))) * step);
}

const isCash = (t: Pick<Tender, 'method'>): boolean => isCashMethod(t.method);

export interface Settlement {
  /** The receipt total. */
  readonly due: Minor;
  readonly tenders: readonly Tender[];
  readonly paid: Minor;
  /** Whether cash rounding applied (all tenders cash and cashRounding > 1). */
  readonly cashRounded: boolean;
  readonly remaining: Minor;
  readonly change: Minor;
  readonly complete: boolean;
  /** total − (paid − change) once complete: what cash rounding forgave (negative: gained). */
  readonly rounding: Minor;
}

function balanceOf(due: number, tenders: readonly Tender[], ctx: PaymentContext): Settlement {
  const paid = sum(tenders.map((t) => t.amount));
  const step = ctx.cashRounding ?? 1;
  const cashRounded = step > 1 && tenders.length > 0 && tenders.every(isCash);
  const raw = paid - due;
  const balance = cashRounded ? roundToStep(raw, step) : minor(raw);
  const complete = balance >= 0;
  const change = complete ? balance : ZERO;
  return {
    due: minor(due),
    tenders,
    paid,
    cashRounded,
    remaining: complete ? ZERO : minor(-balance),
    change,
    complete,
    rounding: complete ? minor(due - (paid - change)) : ZERO,
  };
}

/**
 * Checks a sale's tenders in order and works out what is left to pay or the change.
 * Refused: a card/other tender larger than what was still due when it was added.
 */
export function settle(due: number, tenders: readonly Tender[], ctx: PaymentContext): Result<Settlement, PaymentFailure> {
  if (due < 0) return { ok: false, reason: 'negative-due' };
  if (tenders.length > MAX_TENDERS) return { ok: false, reason: 'too-many-tenders' };
  let paidBefore = 0;
  for (const t of tenders) {
    if (!Number.isSafeInteger(t.amount) || t.amount <= 0) return { ok: false, reason: 'invalid-amount' };
    if (!isCash(t) && t.amount > due - paidBefore) return { ok: false, reason: 'non-cash-overpayment' };
    paidBefore += t.amount;
  }
  return { ok: true, value: balanceOf(due, tenders, ctx) };
}

/** Adds one tender to a sale's list, applying the same checks as settle. */
export function addTender(
  due: number,
  tenders: readonly Tender[],
  input: TenderInput,
  ctx: PaymentContext,
): Result<Settlement, PaymentFailure> {
  const tender = toTender(input, ctx);
  if (!tender.ok) return tender;
  return settle(due, [...tenders, tender.value], ctx);
}

/** What is still to pay (0 once paid), with cash rounding when every tender so far is cash. */
export function remainingDue(due: number, tenders: readonly Tender[], ctx: PaymentContext): Minor {
  return balanceOf(due, tenders, ctx).remaining;
}

/** The change to hand back in base cash (0 while something is still due). */
export function changeDue(due: number, tenders: readonly Tender[], ctx: PaymentContext): Minor {
  return balanceOf(due, tenders, ctx).change;
}

/** What to ask for before any tender when the customer says "cash": the cash-rounded total. */
export function cashDue(due: number, ctx: PaymentContext): Minor {
  return roundToStep(due, ctx.cashRounding ?? 1);
}

/**
 * The tender paying out a refund of `total` (≤ 0) by one method; cash payouts are cash-rounded.
 * An amount of zero (a fully rounded-away refund) yields no tender.
 */
export function refundTenders(total: number, method: RefundMethod, ctx: PaymentContext): Tender[] {
  const amount = isCashMethod(method) ? roundToStep(total, ctx.cashRounding ?? 1) : minor(total);
  if (amount === 0) return [];
  return [{ method, amount, currency: ctx.baseCurrency, foreignAmount: null, rate: null, label: null }];
}
