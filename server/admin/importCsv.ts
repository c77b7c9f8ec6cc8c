// CSV import of articles and prices from the admin page: valid rows are applied in one
// transaction, invalid rows are reported by row number with a fixed code. A file that is not
// valid CSV (csv.ts: a quote never closed, text after a closing quote) imports nothing: its
// parse errors are reported the same way.
import { createHash } from 'node:crypto';
import { article as articleSchema, isoDateTime, price as priceSchema, type RecordKind } from '@model';
import { getRecord, writeRecords, type RecordWrite } from '../store/records';
import type { Database, Sql } from '../store/sql';
import { parseCsv, parseDecimalToMinor, type CsvRow } from './csv';

export interface ImportError {
  row: number;
  code: string;
  message: string;
}
export interface ImportResult {
  imported: number;
  errors: ImportError[];
}

class RowError {
  constructor(
    readonly row: number,
    readonly code: string,
    readonly message: string,
  ) {}
}

const ARTICLE_COLUMNS = ['sku', 'name', 'price'];
const PRICE_COLUMNS = ['pricelist', 'sku', 'amount'];
const UNITS = new Set(['pcs', 'kg', 'l', 'm']);

async function liveByKind(sql: Sql, kind: RecordKind): Promise<{ id: string; data: Record<string, unknown> }[]> {
  return sql.query(`SELECT id, data FROM records WHERE kind = $1 AND NOT deleted`, [kind]);
}

async function baseDecimals(sql: Sql): Promise<number> {
  const params = await getRecord(sql, 'parameters', 'parameters');
  const code = typeof params?.data?.baseCurrency === 'string' ? params.data.baseCurrency : 'EUR';
  const cur = await getRecord(sql, 'currency', code);
  return typeof cur?.data?.decimals === 'number' ? cur.data.decimals : 2;
}

function missingColumns(header: string[], required: string[]): ImportError[] {
  const missing = required.filter((c) => !header.includes(c));
  return missing.length ? [{ row: 1, code: 'missing_column', message: `missing column(s): ${missing.join(', ')}` }] : [];
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'x';
const shortHash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

async function commit(db: Database, writes: RecordWrite[], now: Date): Promise<void> {
  if (writes.length > 0) await db.transaction((tx) => writeRecords(tx, writes, now));
}

export async function importArticles(db: Database, text: string, now: Date): Promise<ImportResult> {
  const { header, rows, errors: parseErrors } = parseCsv(text);
  if (parseErrors.length) return { imported: 0, errors: parseErrors };
  const headerErrors = missingColumns(header, ARTICLE_COLUMNS);
  if (headerErrors.length) return { imported: 0, errors: headerErrors };
  const decimals = await baseDecimals(db);
  const bySku = new Map((await liveByKind(db, 'article')).map((a) => [String(a.data.sku), a]));
  const groups = new Map<string, string>();
  for (const g of await liveByKind(db, 'articleGroup')) {
    groups.set(g.id, g.id);
    groups.set(String(g.data.name).toLowerCase(), g.id);
  }
  const writes: RecordWrite[] = [];
  const errors: ImportError[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const result = articleFromRow(row, decimals, bySku, groups, writes);
    if (result instanceof RowError) errors.push({ row: result.row, code: result.code, message: result.message });
    else if (seen.has(String(result.sku))) errors.push({ row: row.row, code: 'duplicate_sku', message: 'sku repeated in the file' });
    else {
      seen.add(String(result.sku));
      writes.push({ kind: 'article', id: String(result.id), data: result });
    }
  }
  await commit(db, writes, now);
  return { imported: writes.filter((w) => w.kind === 'article').length, errors };
}

function articleFromRow(
  { row, values: v }: CsvRow,
  decimals: number,
  bySku: Map<string, { id: string; data: Record<string, unknown> }>,
  groups: Map<string, string>,
  writes: RecordWrite[],
): Record<string, unknown> | RowError {
  const price = parseDecimalToMinor(v.price ?? '', decimals);
  if (price === null || price < 0) return new RowError(row, 'invalid_price', 'price must be a decimal like 12.50');
  const vatRate = v.vatrate ? parseDecimalToMinor(v.vatrate, 2) : 0;
  if (vatRate === null || vatRate < 0) return new RowError(row, 'invalid_vat', 'vatRate must be a percentage like 20 or 5.5');
  const unit = v.unit || 'pcs';
  if (!UNITS.has(unit)) return new RowError(row, 'invalid_unit', 'unit must be pcs, kg, l or m');
  let groupId: string | null = null;
  if (v.group) {
    groupId = groups.get(v.group) ?? groups.get(v.group.toLowerCase()) ?? null;
    if (groupId === null) {
      groupId = `g-${slug(v.group)}`;
      groups.set(v.group.toLowerCase(), groupId);
      writes.push({ kind: 'articleGroup', id: groupId, data: { id: groupId, name: v.group.slice(0, 120), parentId: null, sort: 0, color: null } });
    }
  }
  const existing = bySku.get(v.sku ?? '');
  const candidate = {
    ...(existing?.data ?? { active: true }),
    id: existing?.id ?? `a-${slug(v.sku ?? '')}-${shortHash(v.sku ?? '').slice(0, 6)}`,
    sku: v.sku,
    name: v.name,
    groupId,
    barcodes: (v.barcodes ?? '').split('|').map((b) => b.trim()).filter(Boolean),
    unit,
    vatRate,
    price,
  };
  const parsed = articleSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new RowError(row, 'invalid_row', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function parseDateCell(text: string): string | null | undefined {
  if (!text) return null;
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  return isoDateTime.safeParse(value).success ? value : undefined;
}

export async function importPrices(db: Database, text: string, now: Date): Promise<ImportResult> {
  const { header, rows, errors: parseErrors } = parseCsv(text);
  if (parseErrors.length) return { imported: 0, errors: parseErrors };
  const headerErrors = missingColumns(header, PRICE_COLUMNS);
  if (headerErrors.length) return { imported: 0, errors: headerErrors };
  const decimals = await baseDecimals(db);
  const lists = new Map<string, string>();
  for (const l of await liveByKind(db, 'priceList')) {
    lists.set(l.id, l.id);
    lists.set(String(l.data.name).toLowerCase(), l.id);
  }
  const articles = new Map((await liveByKind(db, 'article')).map((a) => [String(a.data.sku), a.id]));
  const writes: RecordWrite[] = [];
  const errors: ImportError[] = [];
  for (const { row, values: v } of rows) {
    const priceListId = lists.get(v.pricelist ?? '') ?? lists.get((v.pricelist ?? '').toLowerCase());
    if (!priceListId) {
      errors.push({ row, code: 'unknown_price_list', message: 'no such price list' });
      continue;
    }
    const articleId = articles.get(v.sku ?? '');
    if (!articleId) {
      errors.push({ row, code: 'unknown_article', message: 'no article with this sku' });
      continue;
    }
    const amount = parseDecimalToMinor(v.amount ?? '', decimals);
    if (amount === null || amount < 0) {
      errors.push({ row, code: 'invalid_price', message: 'amount must be a decimal like 12.50' });
      continue;
    }
    const validFrom = parseDateCell(v.validfrom ?? '');
    const validTo = parseDateCell(v.validto ?? '');
    if (validFrom === undefined || validTo === undefined) {
      errors.push({ row, code: 'invalid_date', message: 'dates are ISO 8601 (2026-12-01 or 2026-12-01T08:00:00Z)' });
      continue;
    }
    const id = `pr-${shortHash(`${priceListId}\u0000${articleId}\u0000${validFrom ?? ''}`)}`;
    const data = priceSchema.parse({ id, priceListId, articleId, amount, validFrom, validTo });
    writes.push({ kind: 'price', id, data });
  }
  await commit(db, writes, now);
  return { imported: writes.length, errors };
}
