// Money text ⇄ integer minor units with the currency's own decimals (0 for JPY, 2 for EUR, 3 for
// KWD). Parsed straight from the digits, never through a float; formatted through Intl on the
// whole part only. Used by the till, the admin page and the CSV import alike.
import type { Result } from './result';

export type ParseAmountReason = 'empty' | 'invalid' | 'too-many-decimals' | 'out-of-range';

// Digits with an optional single "," or "." decimal separator; groups of three may be separated
// by spaces (incl. the no-break spaces French locales type): "1 234,50".
const AMOUNT_TEXT = /^([+-]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d*)(?:[.,](\d*))?$/;

/** Parses decimal text into an integer scaled by 10^decimals, keeping the sign apart. */
export function parseScaledDigits(text: string, decimals: number): Result<{ negative: boolean; value: bigint }, ParseAmountReason> {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 8) throw new RangeError(`decimals ${decimals}`);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const m = AMOUNT_TEXT.exec(trimmed);
  if (!m) return { ok: false, reason: 'invalid' };
  const intPart = (m[2] ?? '').replace(/[ \u00a0\u202f]/g, '');
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return { ok: false, reason: 'invalid' };
  // Extra decimals are only accepted when they are zeros ("12.500" with 2 decimals).
  if (fracPart.length > decimals && /[^0]/.test(fracPart.slice(decimals))) return { ok: false, reason: 'too-many-decimals' };
  const value = BigInt((intPart || '0') + fracPart.slice(0, decimals).padEnd(decimals, '0'));
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'out-of-range' };
  return { ok: true, value: { negative: m[1] === '-' && value !== 0n, value } };
}

/** "12,50" and "12.50" with 2 decimals → 1250; "1 234" with 0 decimals → 1234. */
export function parseMinorUnits(text: string, decimals: number): Result<number, ParseAmountReason> {
  const r = parseScaledDigits(text, decimals);
  if (!r.ok) return r;
  const n = Number(r.value.value);
  return { ok: true, value: r.value.negative ? -n : n };
}

/** 1250 with 2 decimals → "12.50"; 550 with 2 decimals and trimZeros → "5.5". Plain, for inputs. */
export function formatScaled(value: number, decimals: number, trimZeros = false): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let frac = decimals > 0 ? digits.slice(digits.length - decimals) : '';
  if (trimZeros) frac = frac.replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (frac ? `.${frac}` : '');
}

/** The decimals ISO 4217 gives a currency (JPY 0, EUR 2, KWD 3), as the platform knows them. */
export function currencyDecimals(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, currency: string | null, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${currency ?? ''}|${decimals}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const style = currency ? { style: 'currency' as const, currency } : {};
    f = new Intl.NumberFormat(locale, { ...style, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * Minor units for display in the locale: 123450 EUR (2) → "1 234,50 €" in French; with
 * `currency` null, the number alone ("1 234,50"). Exact: the decimal text goes to Intl as a
 * string, so no float ever carries the cents.
 */
export function formatMinor(minor: number, decimals: number, locale: string, currency: string | null = null): string {
  const f = moneyFormat(locale, currency, decimals);
  // Intl formats decimal strings exactly (ES2023 Intl.NumberFormat v3).
  return f.format(formatScaled(minor, decimals) as unknown as number);
}
