// Money, quantities and dates for display, through Intl only. Amounts stay integer minor units
// until this last step.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function currencyDecimals(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function formatMoney(minor: number, currency: string, locale: string, decimals = currencyDecimals(currency)): string {
  const key = `${locale}|${currency}|${decimals}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    moneyFormats.set(key, f);
  }
  return f.format(minor / 10 ** decimals);
}

export function formatQuantity(qtyMilli: number, unit: string, locale: string): string {
  const digits = unit === 'pcs' ? 0 : 3;
  const n = new Intl.NumberFormat(locale, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(qtyMilli / 1000);
  return unit === 'pcs' ? n : `${n} ${unit}`;
}

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

export function formatPercent(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10000);
}
