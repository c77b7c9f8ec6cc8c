// Text <-> integer conversions for the admin forms: money in minor units, VAT in basis points,
// quantities in milli-units. Parsed straight from the digits, never through a float.
export type ParseReason = 'required' | 'not_a_number' | 'too_many_decimals' | 'negative' | 'too_large';
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ParseReason };

/** The base currency's decimals (the contract shows money with two places). */
export const MONEY_DECIMALS = 2;

const DECIMAL = /^(-)?(\d*)(?:[.,](\d*))?$/;

/** "12,5" with 2 decimals → 1250. Accepts a comma or a dot, spaces as thousands separators. */
export function parseScaled(text: string, decimals: number, opts: { allowNegative?: boolean } = {}): Parsed<number> {
  const clean = text.trim().replace(/[\s\u00a0\u202f_']/g, '');
  if (clean === '') return { ok: false, reason: 'required' };
  const m = DECIMAL.exec(clean);
  if (!m) return { ok: false, reason: 'not_a_number' };
  const [, sign, whole = '', frac = ''] = m;
  if (whole === '' && frac === '') return { ok: false, reason: 'not_a_number' };
  if (frac.length > decimals) return { ok: false, reason: 'too_many_decimals' };
  if (sign && !opts.allowNegative) return { ok: false, reason: 'negative' };
  const digits = (whole + frac.padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return { ok: false, reason: 'too_large' };
  return { ok: true, value: sign && value !== 0 ? -value : value };
}

/** 1250 with 2 decimals → "12.50"; 550 with 2 decimals and trim → "5.5". */
export function formatScaled(value: number, decimals: number, trimZeros = false): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  let frac = decimals > 0 ? digits.slice(digits.length - decimals) : '';
  if (trimZeros) frac = frac.replace(/0+$/, '');
  return (negative ? '-' : '') + whole + (frac ? `.${frac}` : '');
}

export function parseMoney(text: string, opts: { allowNegative?: boolean } = {}): Parsed<number> {
  return parseScaled(text, MONEY_DECIMALS, opts);
}

function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** For form inputs: plain digits with a dot, e.g. "1234.50". */
export function moneyToInput(minor: number): string {
  return formatScaled(minor, MONEY_DECIMALS);
}

/** For display: localised with grouping, e.g. "1 234,50" in French. */
export function formatMoney(minor: number, locale: string): string {
  const text = formatScaled(minor, MONEY_DECIMALS);
  const [whole = '0', frac = ''] = text.replace('-', '').split('.');
  // Group through Intl on the whole part only, so no float ever carries the cents.
  const grouped = new Intl.NumberFormat(locale, { useGrouping: true }).format(BigInt(whole));
  return (minor < 0 ? '-' : '') + grouped + (frac ? decimalSeparator(locale) + frac : '');
}

/** For display: 550 → "5,5 %" in French, "5.5 %" in English. */
export function formatPercent(basisPoints: number, locale: string): string {
  return `${percentToInput(basisPoints).replace('.', decimalSeparator(locale))} %`;
}

/** "20" → 2000 basis points; "5.5" → 550. At most two decimals. */
export function parsePercent(text: string): Parsed<number> {
  return parseScaled(text.replace('%', ''), 2);
}

/** 2000 → "20"; 550 → "5.5". */
export function percentToInput(basisPoints: number): string {
  return formatScaled(basisPoints, 2, true);
}

/** Quantities in milli-units: "1.5" → 1500. */
export function parseQuantity(text: string): Parsed<number> {
  return parseScaled(text, 3);
}

export function quantityToInput(milli: number): string {
  return formatScaled(milli, 3, true);
}

/** For display: 1500 → "1,5" in French. */
export function formatQuantity(milli: number, locale: string): string {
  return quantityToInput(milli).replace('.', decimalSeparator(locale));
}
