// Turning a paid cart into an entities.Receipt, refunds (with or without the original receipt),
// and the barcode printed on receipts so a refund can start by scanning it.
//
// Sign convention: a refund receipt has negative quantities, discounts, VAT and totals, and
// tenders with negative amounts (money paid out); its change is 0. A refund of part of a line is
// computed cumulatively (refunded-so-far share subtracted from the new share), so refunding a line
// in several goes returns exactly the line's total and VAT, never a minor unit more or less.
import type { Receipt, ReceiptLine } from '@model';
import { DomainError, minor, mulDiv, neg, sum, ZERO, type Minor, type Result } from './money';
import { refundTenders, type PaymentContext, type Settlement } from './payment';
import { toIso, type Instant } from './pricing';
import type { TaxMode } from './tax';
import type { CartTotals, TotalsLine } from './totals';

const TILL_CODE = /^[A-Za-z0-9_]{1,32}$/;

/** "T1", 42 → "T1-000042". */
export function receiptNumber(tillCode: string, seq: number): string {
  if (!TILL_CODE.test(tillCode)) throw new DomainError('invalid-argument', `till code ${tillCode}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new DomainError('invalid-argument', `sequence ${seq}`);
  return `${tillCode}-${String(seq).padStart(6, '0')}`;
}

/** Who, where and when: the identity of the receipt being written. */
export interface ReceiptContext {
  id: string;
  tillId: string;
  tillCode: string;
  /** The till's next receipt sequence number (≥ 1). */
  seq: number;
  now: Instant;
  operatorId: string;
  shiftId: string;
  /** Base currency code (parameters.baseCurrency). */
  currency: string;
}

export type ReceiptFailure = 'empty-cart' | 'payment-incomplete' | 'payment-mismatch';

function toReceiptLine(l: TotalsLine): ReceiptLine {
  return {
    articleId: l.articleId,
    sku: l.sku,
    name: l.name,
    qtyMilli: l.qtyMilli,
    unitPrice: l.unitPrice,
    vatRate: l.vatRate,
    discount: l.discount,
    total: l.total,
    vat: l.vat,
  };
}

function header(ctx: ReceiptContext) {
  return {
    id: ctx.id,
    number: receiptNumber(ctx.tillCode, ctx.seq),
    tillId: ctx.tillId,
    shiftId: ctx.shiftId,
    operatorId: ctx.operatorId,
    createdAt: toIso(ctx.now),
    currency: ctx.currency,
  };
}

/** The sale receipt of a cart's totals, once the settlement covers them. */
export function createReceipt(
  input: ReceiptContext & { totals: CartTotals; settlement: Settlement },
): Result<Receipt, ReceiptFailure> {
  const { totals, settlement } = input;
  if (totals.lines.length === 0) return { ok: false, reason: 'empty-cart' };
  if (settlement.due !== totals.total) return { ok: false, reason: 'payment-mismatch' };
  if (!settlement.complete) return { ok: false, reason: 'payment-incomplete' };
  return {
    ok: true,
    value: {
      ...header(input),
      kind: 'sale',
      clientId: totals.clientId,
      refundOf: null,
      taxMode: totals.taxMode,
      lines: totals.lines.map(toReceiptLine),
      basketDiscount: totals.basketDiscount,
      subtotal: totals.subtotal,
      vatTotal: totals.vatTotal,
      total: totals.total,
      tenders: [...settlement.tenders],
      change: settlement.change,
    },
  };
}

export interface RefundSelection {
  /** Index of the line in the original receipt. */
  lineIndex: number;
  /** Positive quantity to refund, milli-units. */
  qtyMilli: number;
}

export type RefundFailure = 'not-a-sale' | 'empty-refund' | 'unknown-line' | 'invalid-quantity' | 'over-refund';

export interface RefundPlan {
  readonly lines: readonly ReceiptLine[];
  readonly subtotal: Minor;
  readonly vatTotal: Minor;
  readonly total: Minor;
}

/** Share of `value` for cumulative quantity `q` out of `of`, half away from zero. */
const shareOf = (value: number, q: number, of: number): Minor => mulDiv(value, q, of);

function amountOf(l: Pick<ReceiptLine, 'total' | 'vat'>, mode: TaxMode): Minor {
  return mode === 'exclusive' ? minor(l.total - l.vat) : minor(l.total);
}

/**
 * The negative lines refunding `selection` of `original`. `alreadyRefunded[i]` is the positive
 * quantity of original line i refunded before (see refundedQuantities).
 */
export function planRefund(
  original: Receipt,
  selection: readonly RefundSelection[],
  alreadyRefunded: readonly number[] = [],
): Result<RefundPlan, RefundFailure> {
  if (original.kind !== 'sale') return { ok: false, reason: 'not-a-sale' };
  const wanted = selection.filter((s) => s.qtyMilli !== 0);
  if (wanted.length === 0) return { ok: false, reason: 'empty-refund' };
  const perLine = new Map<number, number>();
  for (const s of wanted) {
    if (!original.lines[s.lineIndex]) return { ok: false, reason: 'unknown-line' };
    if (!Number.isSafeInteger(s.qtyMilli) || s.qtyMilli < 0) return { ok: false, reason: 'invalid-quantity' };
    perLine.set(s.lineIndex, (perLine.get(s.lineIndex) ?? 0) + s.qtyMilli);
  }
  const lines: ReceiptLine[] = [];
  for (const [i, q] of [...perLine.entries()].sort(([a], [b]) => a - b)) {
    const line = original.lines[i] as ReceiptLine;
    const before = alreadyRefunded[i] ?? 0;
    if (before + q > line.qtyMilli) return { ok: false, reason: 'over-refund' };
    const part = (value: number): Minor =>
      neg(shareOf(value, before + q, line.qtyMilli) - shareOf(value, before, line.qtyMilli));
    lines.push({ ...line, qtyMilli: -q, discount: part(line.discount), total: part(line.total), vat: part(line.vat) });
  }
  return {
    ok: true,
    value: {
      lines,
      subtotal: sum(lines.map((l) => amountOf(l, original.taxMode))),
      vatTotal: sum(lines.map((l) => l.vat)),
      total: sum(lines.map((l) => l.total)),
    },
  };
}

import type { RefundMethod } from '@model';
export type { RefundMethod };

/** A refund receipt against `original`, refusing to refund more than was sold minus refunded. */
export function createRefund(
  input: ReceiptContext & {
    original: Receipt;
    selection: readonly RefundSelection[];
    alreadyRefunded?: readonly number[];
    method: RefundMethod;
    payment: PaymentContext;
  },
): Result<Receipt, RefundFailure> {
  const plan = planRefund(input.original, input.selection, input.alreadyRefunded);
  if (!plan.ok) return plan;
  return {
    ok: true,
    value: {
      ...header(input),
      kind: 'refund',
      clientId: input.original.clientId,
      refundOf: input.original.id,
      taxMode: input.original.taxMode,
      lines: [...plan.value.lines],
      basketDiscount: ZERO,
      subtotal: plan.value.subtotal,
      vatTotal: plan.value.vatTotal,
      total: plan.value.total,
      tenders: refundTenders(plan.value.total, input.method, input.payment),
      change: ZERO,
    },
  };
}

/**
 * A refund without a receipt: the returned items are rung up as a cart, and its totals are
 * negated (their basket discount becomes the refund's negative basket discount).
 */
export function createFreeRefund(
  input: ReceiptContext & { totals: CartTotals; method: RefundMethod; payment: PaymentContext },
): Result<Receipt, 'empty-refund'> {
  const { totals } = input;
  if (totals.lines.length === 0) return { ok: false, reason: 'empty-refund' };
  const lines = totals.lines.map((l) => {
    const r = toReceiptLine(l);
    return { ...r, qtyMilli: -r.qtyMilli, discount: neg(r.discount), total: neg(r.total), vat: neg(r.vat) };
  });
  const total = neg(totals.total);
  return {
    ok: true,
    value: {
      ...header(input),
      kind: 'refund',
      clientId: totals.clientId,
      refundOf: null,
      taxMode: totals.taxMode,
      lines,
      basketDiscount: neg(totals.basketDiscount),
      subtotal: neg(totals.subtotal),
      vatTotal: neg(totals.vatTotal),
      total,
      tenders: refundTenders(total, input.method, input.payment),
      change: ZERO,
    },
  };
}

/**
 * Positive quantities already refunded per line of `original`, from its earlier refund receipts.
 * Refund lines carry no line index, so each is matched to the first original line with the same
 * article, sku, unit price and VAT rate that still has quantity left.
 */
export function refundedQuantities(original: Receipt, refunds: readonly Receipt[]): number[] {
  const done = original.lines.map(() => 0);
  for (const r of refunds) {
    if (r.kind !== 'refund' || r.refundOf !== original.id) continue;
    for (const rl of r.lines) {
      let left = -rl.qtyMilli;
      original.lines.forEach((ol, i) => {
        if (left <= 0 || !sameItem(ol, rl)) return;
        const take = Math.min(left, ol.qtyMilli - (done[i] ?? 0));
        done[i] = (done[i] ?? 0) + take;
        left -= take;
      });
    }
  }
  return done;
}

function sameItem(a: ReceiptLine, b: ReceiptLine): boolean {
  return a.articleId === b.articleId && a.sku === b.sku && a.unitPrice === b.unitPrice && a.vatRate === b.vatRate;
}

const BARCODE_PREFIX = 'R:';
const NUMBER_PATTERN = /^[A-Za-z0-9_]{1,32}-\d{6,}$/;

/** The payload printed as a barcode on the receipt: "R:T1-000042". */
export function receiptBarcode(number: string): string {
  return BARCODE_PREFIX + number;
}

/** Reads a scanned receipt barcode back into a receipt number (prefix case-insensitive). */
export function parseReceiptBarcode(text: string): Result<string, 'not-a-receipt-barcode'> {
  const t = text.trim();
  if (t.slice(0, 2).toUpperCase() !== BARCODE_PREFIX) return { ok: false, reason: 'not-a-receipt-barcode' };
  const number = t.slice(2);
  return NUMBER_PATTERN.test(number) ? { ok: true, value: number } : { ok: false, reason: 'not-a-receipt-barcode' };
}
