// Text <-> integer conversions for the admin forms, all through @model's money module (one
// parser, one formatter): money in the currency's own minor units (0 decimals for JPY, 2 for
// EUR, 3 for KWD), VAT in basis points, quantities in milli-units. Never through a float.
import { formatMinor, formatScaled, parseScaledDigits, type ParseAmountReason } from '@model';

/** The admin page's reason codes (keys of `fieldErrors` in its dictionaries). */
export type ParseReason = 'required' | 'not_a_number' | 'too_many_decimals' | 'negative' | 'too_large';
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseReason };

const REASONS: Record<ParseAmountReason, ParseReason> = {
  empty: 'required',
  invalid: 'not_a_number',
  'too-many-decimals': 'too_many_decimals',
  'out-of-range': 'too_large',
};

/** "12,5" with 2 decimals → 1250; "1 234" with 0 decimals → 1234. Negatives only when asked. */
export function parseDecimal(text: string, decimals: number, opts: { allowNegative?: boolean } = {}): Parsed<number> {
  const r = parseScaledDigits(text, decimals);
  if (!r.ok) return { ok: false, reason: REASONS[r.reason] };
  if (r.value.negative && !opts.allowNegative) return { ok: false, reason: 'negative' };
  const n = Number(r.value.value);
  return { ok: true, value: r.value.negative ? -n : n };
}

/** Money text in a currency with `decimals` places → its minor units. */
export function parseMoney(text: string, decimals: number, opts: { allowNegative?: boolean } = {}): Parsed<number> {
  return parseDecimal(text, decimals, opts);
}

/** For form inputs: plain digits with a dot, e.g. "1234.50" (EUR), "1234" (JPY), "1.250" (KWD). */
export function moneyToInput(minor: number, decimals: number): string {
  return formatScaled(minor, decimals);
}

/** For display: localised with grouping and the currency's decimals, no symbol ("1 234,50"). */
export function formatMoney(minor: number, decimals: number, locale: string): string {
  return formatMinor(minor, decimals, locale, null);
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** For display: 550 → "5,5 %" in French, "5.5 %" in English. */
export function formatPercent(basisPoints: number, locale: string): string {
  return `${percentToInput(basisPoints).replace('.', decimalSeparator(locale))} %`;
}

/** "20" → 2000 basis points; "5.5" → 550. At most two decimals. */
export function parsePercent(text: string): Parsed<number> {
  return parseDecimal(text.replace('%', ''), 2);
}

/** 2000 → "20"; 550 → "5.5". */
export function percentToInput(basisPoints: number): string {
  return formatScaled(basisPoints, 2, true);
}

/** Quantities in milli-units: "1.5" → 1500. */
export function parseQuantity(text: string): Parsed<number> {
  return parseDecimal(text, 3);
}

export function quantityToInput(milli: number): string {
  return formatScaled(milli, 3, true);
}

/** For display: 1500 → "1,5" in French. */
export function formatQuantity(milli: number, locale: string): string {
  return quantityToInput(milli).replace('.', decimalSeparator(locale));
}
