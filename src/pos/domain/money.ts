// Money as branded integers of minor units, quantities as integer milli-units, decimal rates as
// bigint rationals. Text is parsed straight to integers: no float ever touches an amount.

/** Integer minor units (cents, grosze, kopeks) of one currency. */
export type Minor = number & { readonly __brand: 'Minor' };

/** Quantity in milli-units: 1000 = 1 pcs, 1 kg, 1 l or 1 m. */
export type QtyMilli = number;

export type Unit = 'pcs' | 'kg' | 'l' | 'm';

import { parseScaledDigits, type ParseAmountReason, type Result } from '@model';

export type { ParseAmountReason, Result };

export type DomainErrorCode = 'unsafe-integer' | 'invalid-rational' | 'invalid-argument';

/** A broken invariant (a bug), never an expected failure: those are returned as values. */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  constructor(code: DomainErrorCode, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'DomainError';
    this.code = code;
  }
}

/** Guard: a safe integer becomes Minor, anything else throws DomainError('unsafe-integer'). */
export function minor(n: number): Minor {
  if (!Number.isSafeInteger(n)) throw new DomainError('unsafe-integer', String(n));
  return n as Minor;
}

export const ZERO = 0 as Minor;

export function add(...amounts: readonly number[]): Minor {
  return minor(amounts.reduce((s, a) => s + a, 0));
}

export function sum(amounts: readonly number[]): Minor {
  return add(...amounts);
}

export function sub(a: number, b: number): Minor {
  return minor(a - b);
}

/** Multiplies by an integer factor (a count, a sign). Use mulDiv for fractions. */
export function mul(a: number, factor: number): Minor {
  if (!Number.isSafeInteger(factor)) throw new DomainError('unsafe-integer', String(factor));
  return minor(a * factor);
}

export function neg(a: number): Minor {
  return minor(a === 0 ? 0 : -a);
}

/** Integer division rounded half away from zero: 5/2 → 3, -5/2 → -3, 4/3 → 1. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new DomainError('invalid-argument', 'division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (d * 2n);
  return negative ? -q : q;
}

/** `a × num / den` rounded half away from zero, computed exactly with bigint. */
export function mulDiv(a: number, num: bigint | number, den: bigint | number): Minor {
  const r = roundHalfAwayFromZero(BigInt(minor(a)) * BigInt(num), BigInt(den));
  return minor(Number(r));
}

/** A non-negative decimal as an exact fraction: "4.2731" → 42731/10000. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const DECIMAL_TEXT = /^(\d{1,12})(?:\.(\d{1,8}))?$/;

/** Parses the entities' decimal text ("4.2731", "1") into an exact rational. */
export function parseRate(text: string): Result<Rational, 'invalid-rate'> {
  const m = DECIMAL_TEXT.exec(text.trim());
  if (!m) return { ok: false, reason: 'invalid-rate' };
  const frac = m[2] ?? '';
  const num = BigInt((m[1] ?? '0') + frac);
  if (num === 0n) return { ok: false, reason: 'invalid-rate' };
  return { ok: true, value: { num, den: 10n ** BigInt(frac.length) } };
}

/**
 * Parses typed money text straight into minor units: "12,50" and "12.50" with 2 decimals → 1250.
 * A leading sign is accepted; junk, two separators or non-zero extra decimals are refused.
 */
export function parseMinor(text: string, decimals: number): Result<Minor, ParseAmountReason> {
  const r = parseScaledDigits(text, decimals);
  if (!r.ok) return r;
  const n = Number(r.value.value);
  return { ok: true, value: minor(r.value.negative ? -n : n) };
}

export type ParseQuantityReason = ParseAmountReason | 'not-positive' | 'not-whole';

/** Parses a typed quantity into milli-units: "1,5" kg → 1500; pieces must be whole and all > 0. */
export function parseQuantity(text: string, unit: Unit): Result<QtyMilli, ParseQuantityReason> {
  const r = parseScaledDigits(text, 3);
  if (!r.ok) return r;
  if (r.value.negative || r.value.value === 0n) return { ok: false, reason: 'not-positive' };
  const milli = Number(r.value.value);
  if (unit === 'pcs' && milli % 1000 !== 0) return { ok: false, reason: 'not-whole' };
  return { ok: true, value: milli };
}

/** Whether a milli-quantity is acceptable for a unit (whole pieces, positive). */
export function isValidQuantity(qtyMilli: number, unit: Unit): boolean {
  if (!Number.isSafeInteger(qtyMilli) || qtyMilli <= 0) return false;
  return unit !== 'pcs' || qtyMilli % 1000 === 0;
}

/** `qtyMilli × unitPrice / 1000`, the undiscounted amount of a line, half away from zero. */
export function lineAmount(qtyMilli: number, unitPrice: number): Minor {
  return mulDiv(unitPrice, qtyMilli, 1000);
}
