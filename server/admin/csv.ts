// The admin import's CSV reading, on papaparse (RFC 4180: quotes, doubled quotes, line breaks in
// quoted fields). Rows come back with their 1-based record number (the header is 1) so errors can
// point at them; a file papaparse cannot read as CSV (a quote never closed, text after a closing
// quote) comes back with parse errors instead of being guessed at.
import { parseMinorUnits } from '@model';
import Papa from 'papaparse';

export interface CsvRow {
  row: number;
  values: Record<string, string>;
}

/** A place where the text is not valid CSV; `row` numbers records as CsvRow does. */
export interface CsvParseError {
  row: number;
  code: 'unclosed_quote' | 'bad_quote' | 'bad_csv';
  message: string;
}

export interface CsvRecords {
  records: string[][];
  errors: CsvParseError[];
}

const PARSE_ERRORS: Record<string, Pick<CsvParseError, 'code' | 'message'>> = {
  MissingQuotes: { code: 'unclosed_quote', message: 'a quoted field is never closed: the rest of the file would be read into it' },
  InvalidQuotes: { code: 'bad_quote', message: 'text follows a closing quote; a quote inside a quoted field is written twice ("")' },
};

/**
 * Every record, blank lines and a byte-order mark skipped. The delimiter is ',' unless the header
 * line uses ';' only (spreadsheets in many locales). Line ends may be CRLF, LF or CR, mixed (a
 * line end inside a quoted field is read as LF).
 */
export function readCsvRecords(text: string): CsvRecords {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const firstLine = src.split('\n', 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const parsed = Papa.parse<string[]>(src, { delimiter, newline: '\n', quoteChar: '"', escapeChar: '"', header: false, dynamicTyping: false, skipEmptyLines: false });
  // Record numbers count the records kept (blank lines are not records).
  const keptBefore: number[] = [];
  const records: string[][] = [];
  parsed.data.forEach((r) => {
    keptBefore.push(records.length);
    if (!(r.length === 1 && r[0]?.trim() === '')) records.push(r);
  });
  // One error per record: text after a closing quote is also reported as the quote left open.
  const errors: CsvParseError[] = [];
  for (const e of parsed.errors) {
    const row = typeof e.row === 'number' ? (keptBefore[e.row] ?? records.length) + 1 : 1;
    if (errors.at(-1)?.row !== row) errors.push({ row, ...(PARSE_ERRORS[e.code] ?? { code: 'bad_csv', message: `not valid CSV: ${e.message}` }) });
  }
  return { records, errors };
}

/** The records alone (tests and callers that ignore parse errors). */
export function parseCsvRecords(text: string): string[][] {
  return readCsvRecords(text).records;
}

/** Rows keyed by the (trimmed, case-insensitive) header names; row numbers count the header as 1. */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[]; errors: CsvParseError[] } {
  const { records, errors } = readCsvRecords(text);
  const [head, ...rest] = records;
  const header = (head ?? []).map((h) => h.trim().toLowerCase());
  const rows = rest.map((values, i) => ({
    row: i + 2,
    values: Object.fromEntries(header.map((h, j) => [h, (values[j] ?? '').trim()])),
  }));
  return { header, rows, errors };
}

/** Money or a decimal from a CSV cell, in minor units of `decimals` places ("12,50" → 1250), through
 * the model's one money parser; null when it is not a number with at most that many decimals. */
export function parseDecimalToMinor(text: string, decimals: number): number | null {
  const r = parseMinorUnits(text, decimals);
  return r.ok ? r.value : null;
}
