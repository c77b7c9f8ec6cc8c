// VAT of a receipt line in the shop's tax mode, and the per-rate VAT summary.
//
// THE ROUNDING RULE (the only place it is written; docs/domain-rules.md repeats it with examples):
// - VAT is computed PER LINE, on the line's amount AFTER all its discounts (line discounts and
//   its share of basket discounts), and rounded to the minor unit HALF AWAY FROM ZERO.
//   · 'inclusive' (prices include VAT): amount is the gross total;
//       vat = round(total × rate / (10000 + rate)), net = total − vat.
//   · 'exclusive' (VAT is added): amount is the net;
//       vat = round(net × rate / 10000), total = net + vat.
//   Rates are basis points (2000 = 20 %). A negative (refund) line rounds symmetrically, so a
//   refund's VAT is exactly the negative of the sale's.
// - The receipt's VAT total is the SUM OF THE LINE VATs (never recomputed on the receipt total).
// - The VAT summary groups lines by rate: base (net), vat and gross per rate, each the sum of
//   the lines' rounded values, so the summary always adds up to the receipt.
import { add, DomainError, minor, mulDiv, sub, type Minor } from './money';

export type TaxMode = 'inclusive' | 'exclusive';

export interface LineTax {
  /** Amount without VAT. */
  readonly net: Minor;
  readonly vat: Minor;
  /** Amount with VAT: what the customer pays for the line. */
  readonly total: Minor;
}

function checkRate(rate: number): void {
  if (!Number.isInteger(rate) || rate < 0 || rate > 100_000) {
    throw new DomainError('invalid-argument', `VAT rate ${rate}`);
  }
}

/**
 * VAT of one line whose discounted amount is `amount`, expressed in the shop's tax mode
 * (gross for 'inclusive', net for 'exclusive').
 */
export function lineTax(amount: number, rate: number, mode: TaxMode): LineTax {
  checkRate(rate);
  const a = minor(amount);
  if (mode === 'inclusive') {
    const vat = mulDiv(a, rate, 10_000 + rate);
    return { net: sub(a, vat), vat, total: a };
  }
  const vat = mulDiv(a, rate, 10_000);
  return { net: a, vat, total: add(a, vat) };
}

export interface VatSummaryRow {
  /** Basis points. */
  readonly rate: number;
  readonly net: Minor;
  readonly vat: Minor;
  readonly total: Minor;
}

/** Sums rounded line values per rate, ordered by rate ascending. */
export function vatSummary(lines: readonly { vatRate: number; net: number; vat: number; total: number }[]): VatSummaryRow[] {
  const byRate = new Map<number, { net: number; vat: number; total: number }>();
  for (const l of lines) {
    const row = byRate.get(l.vatRate) ?? { net: 0, vat: 0, total: 0 };
    row.net += l.net;
    row.vat += l.vat;
    row.total += l.total;
    byRate.set(l.vatRate, row);
  }
  return [...byRate.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rate, r]) => ({ rate, net: minor(r.net), vat: minor(r.vat), total: minor(r.total) }));
}
