// Display helpers for sizes, durations and dates (Intl, in the UI language).
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

export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The engine labels download and back-office runs with the medium kind; show it translated. */
export function mediumName(label: string, t: (key: 'backup.medium.download' | 'backup.medium.backOffice') => string): string {
  if (label === 'http') return t('backup.medium.backOffice');
  return label === 'download' || label === '' ? t('backup.medium.download') : label;
}
