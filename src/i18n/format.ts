// Money, quantities and dates for display, through Intl only. Amounts stay integer minor units
// until this last step.
import { currencyDecimals, formatMinor } from '@model';

export { currencyDecimals };

export function formatMoney(minor: number, currency: string, locale: string, decimals = currencyDecimals(currency)): string {
  return formatMinor(minor, decimals, locale, currency);
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
