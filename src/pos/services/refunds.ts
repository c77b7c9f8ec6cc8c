// Refunds at the till: against a receipt (lines and quantities, never more than sold minus what
// earlier refunds returned) or without one (free lines rung up as a cart). Both are committed
// through commitReceipt, so receipt, stock moves and outbox row land together.
import { newId } from '../../db/ids';
import type { OrgDatabase, ReceiptRow } from '../../db/schema';
import type { Receipt } from '@model';
import {
  computeTotals,
  createFreeRefund,
  createRefund,
  planRefund,
  refundedQuantities,
  type Cart,
  type PaymentContext,
  type RefundFailure,
  type RefundMethod,
  type RefundSelection,
} from '../domain';
import { commitReceipt, getTillIdentity, type CommitFailure } from './sales';
import { findOpenShift } from './shifts';

export type RefundServiceFailure = RefundFailure | CommitFailure | 'unknown-receipt' | 'no-parameters';
export type RefundResult = { ok: true; receipt: Receipt } | { ok: false; reason: RefundServiceFailure };

export interface RefundSource {
  original: ReceiptRow;
  /** Positive quantity (milli) of each original line already refunded. */
  alreadyRefunded: number[];
}

/** The receipt to refund and what its earlier refunds already returned. */
export async function loadRefundSource(db: OrgDatabase, receiptId: string): Promise<RefundSource | null> {
  const original = await db.receipts.get(receiptId);
  if (!original) return null;
  const refunds = await db.receipts.where('refundOf').equals(receiptId).toArray();
  return { original, alreadyRefunded: refundedQuantities(original, refunds) };
}

/** Base currency, its decimals and the cash rounding step, from the shop's parameters. */
export async function paymentContext(db: OrgDatabase): Promise<PaymentContext | null> {
  const params = await db.parameters.get('shop');
  if (!params) return null;
  const base = await db.currencies.get(params.baseCurrency);
  return { baseCurrency: params.baseCurrency, baseDecimals: base?.decimals ?? 2, cashRounding: params.cashRounding };
}

interface Common {
  operatorId: string;
  method: RefundMethod;
  now: string;
}

async function context(db: OrgDatabase) {
  const [payment, till, shift] = await Promise.all([paymentContext(db), getTillIdentity(db), findOpenShift(db)]);
  return { payment, till, shift };
}

/** Refunds `selection` of receipt `receiptId`; over-refunds are refused before anything is written. */
export async function refundReceipt(
  db: OrgDatabase,
  input: Common & { receiptId: string; selection: readonly RefundSelection[] },
): Promise<RefundResult> {
  const source = await loadRefundSource(db, input.receiptId);
  if (!source) return { ok: false, reason: 'unknown-receipt' };
  const plan = planRefund(source.original, input.selection, source.alreadyRefunded);
  if (!plan.ok) return plan;
  const { payment, till, shift } = await context(db);
  if (!payment) return { ok: false, reason: 'no-parameters' };
  if (!shift) return { ok: false, reason: 'no-shift' };
  const id = newId();
  return commitReceipt(
    db,
    (seq) => {
      const r = createRefund({
        id, seq, now: input.now, operatorId: input.operatorId, shiftId: shift.id, currency: payment.baseCurrency,
        tillId: till.tillId, tillCode: till.tillCode, original: source.original, selection: input.selection,
        alreadyRefunded: source.alreadyRefunded, method: input.method, payment,
      });
      // planRefund above accepted the same selection, so this cannot fail.
      if (!r.ok) throw new RefundInvariantError(r.reason);
      return r.value;
    },
    input.now,
  );
}

/** A refund without a receipt: the returned items as a cart, priced as they are now. */
export async function refundWithoutReceipt(db: OrgDatabase, input: Common & { cart: Cart }): Promise<RefundResult> {
  const { payment, till, shift } = await context(db);
  const params = await db.parameters.get('shop');
  if (!payment || !params) return { ok: false, reason: 'no-parameters' };
  if (!shift) return { ok: false, reason: 'no-shift' };
  const totals = computeTotals(input.cart, { taxMode: params.taxMode, now: input.now });
  if (totals.lines.length === 0) return { ok: false, reason: 'empty-refund' };
  const id = newId();
  return commitReceipt(
    db,
    (seq) => {
      const r = createFreeRefund({
        id, seq, now: input.now, operatorId: input.operatorId, shiftId: shift.id, currency: payment.baseCurrency,
        tillId: till.tillId, tillCode: till.tillCode, totals, method: input.method, payment,
      });
      if (!r.ok) throw new RefundInvariantError(r.reason);
      return r.value;
    },
    input.now,
  );
}

/** A refund the plan accepted failed to build: a bug, never an expected failure. */
export class RefundInvariantError extends Error {
  readonly code = 'refund-invariant';
  constructor(reason: string) {
    super(`refund-invariant: ${reason}`);
    this.name = 'RefundInvariantError';
  }
}
