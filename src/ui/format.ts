// Display helpers, through Intl only, in the UI language: money, quantities, percentages, sizes,
// durations and dates. Amounts stay integer minor units until this last step.
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

export function formatPercent(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10000);
}

export function formatBytes(bytes: number, lng: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return new Intl.NumberFormat(lng, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(v);
}

export function formatDuration(ms: number, lng: string): string {
  const s = ms / 1000;
  if (s < 60) return new Intl.NumberFormat(lng, { style: 'unit', unit: 'second', maximumFractionDigits: 1 }).format(s);
  return new Intl.NumberFormat(lng, { style: 'unit', unit: 'minute', maximumFractionDigits: 1 }).format(s / 60);
}

/** Date and time with the month spelled out (backup history, sets): "Mar 2, 2026, 9:00 AM". */
export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Compact date and time for the till's receipts, lists and shifts: "3/2/26, 9:00 AM". */
export function formatShortDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}

/** The engine labels download and back-office runs with the medium kind; show it translated. */
export function mediumName(label: string, t: (key: 'backup.medium.download' | 'backup.medium.backOffice') => string): string {
  if (label === 'http') return t('backup.medium.backOffice');
  return label === 'download' || label === '' ? t('backup.medium.download') : label;
}
