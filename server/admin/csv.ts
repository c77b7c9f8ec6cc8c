// A small RFC 4180 CSV reader (quotes, doubled quotes, CRLF) for the admin import. Rows come
// back with their 1-based line-of-record number so errors can point at them.
export interface CsvRow {
  row: number;
  values: Record<string, string>;
}

/** The delimiter is ',' unless the header line uses ';' only (spreadsheets in many locales). */
export function parseCsvRecords(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.filter((r) => !(r.length === 1 && r[0]?.trim() === ''));
}

/** Rows keyed by the (trimmed, case-insensitive) header names; row numbers count the header as 1. */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  const [head, ...rest] = parseCsvRecords(text);
  const header = (head ?? []).map((h) => h.trim().toLowerCase());
  const rows = rest.map((values, i) => ({
    row: i + 2,
    values: Object.fromEntries(header.map((h, j) => [h, (values[j] ?? '').trim()])),
  }));
  return { header, rows };
}

/** "12.5" → 1250 with `decimals` = 2, without going through a float. Null when not a decimal. */
export function parseDecimalToMinor(text: string, decimals: number): number | null {
  const m = /^(-?)(\d{1,13})(?:[.,](\d+))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > decimals) return null;
  const value = Number((m[2] ?? '0') + frac.padEnd(decimals, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return m[1] === '-' ? -value : value;
}
