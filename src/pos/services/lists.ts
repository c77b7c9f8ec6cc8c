// Paged, index-backed reads for the till's lists (articles, prices, clients, receipts): every
// query is bounded by a limit, so 100,000 articles or years of receipts stay smooth.
import type { ArticleRow, OrgDatabase, ReceiptRow } from '../../db/schema';
import { parseReceiptBarcode, receiptNumber } from '../domain';
import type { Discount, Operator, Price, PriceList, Role } from '@model';
import { findByBarcode, searchArticles } from './catalog';
import { getTillIdentity } from './sales';

export interface Page<T> {
  items: T[];
  /** Whether another page follows this one. */
  hasMore: boolean;
}

/** Asks one row more than the page to know whether a next page exists. */
function toPage<T>(rows: T[], limit: number): Page<T> {
  return { items: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** Articles by name, or matching a name/SKU/barcode query; inactive ones are listed too when browsing. */
export async function articlePage(db: OrgDatabase, query: string, offset: number, limit: number): Promise<Page<ArticleRow>> {
  const q = query.trim();
  if (q === '') return toPage(await db.articles.orderBy('nameKey').offset(offset).limit(limit + 1).toArray(), limit);
  const [byCode, found] = await Promise.all([findByBarcode(db, q), searchArticles(db, q, offset + limit + 1)]);
  const all = byCode ? [byCode, ...found.filter((a) => a.id !== byCode.id)] : found;
  return toPage(all.slice(offset, offset + limit + 1), limit);
}

export interface PriceRow extends Price {
  articleName: string;
  articleSku: string;
}

/** One page of a price list's prices, with the article names joined. */
export async function pricePage(db: OrgDatabase, priceListId: string, offset: number, limit: number): Promise<Page<PriceRow>> {
  const prices = await db.prices.where('priceListId').equals(priceListId).offset(offset).limit(limit + 1).toArray();
  const articles = await db.articles.bulkGet(prices.map((p) => p.articleId));
  const rows = prices.map((p, i) => ({ ...p, articleName: articles[i]?.name ?? p.articleId, articleSku: articles[i]?.sku ?? '' }));
  return toPage(rows, limit);
}

export async function priceLists(db: OrgDatabase): Promise<PriceList[]> {
  return (await db.priceLists.toArray()).sort((a, b) => b.priority - a.priority || a.name.localeCompare(b.name));
}

export async function discounts(db: OrgDatabase): Promise<Discount[]> {
  return (await db.discounts.limit(1000).toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

/** Operators with their role's name; PIN fields are dropped here so no screen can show them. */
export async function operatorsWithRoles(db: OrgDatabase): Promise<{ id: string; name: string; active: boolean; role: Role | null }[]> {
  const [ops, roles] = await Promise.all([db.operators.toArray(), db.roles.toArray()]);
  const byId = new Map(roles.map((r) => [r.id, r]));
  return ops
    .map((o: Operator) => ({ id: o.id, name: o.name, active: o.active, role: byId.get(o.roleId) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Receipts newest first, of one shift or of all; paged. */
export async function receiptPage(db: OrgDatabase, shiftId: string | null, offset: number, limit: number): Promise<Page<ReceiptRow>> {
  if (shiftId === null) return toPage(await db.receipts.orderBy('seq').reverse().offset(offset).limit(limit + 1).toArray(), limit);
  // One shift holds at most a few thousand receipts: sorting them in memory stays cheap.
  const rows = await db.receipts.where('shiftId').equals(shiftId).reverse().sortBy('seq');
  return toPage(rows.slice(offset, offset + limit + 1), limit);
}

/**
 * Receipts matching typed or scanned text: a scanned receipt barcode ("R:T1-000042"), a full
 * number, a number prefix, or just the sequence digits of this till ("42").
 */
export async function findReceipts(db: OrgDatabase, text: string, limit = 50): Promise<ReceiptRow[]> {
  const q = text.trim();
  if (q === '') return [];
  const scanned = parseReceiptBarcode(q);
  if (scanned.ok) return db.receipts.where('number').equals(scanned.value).toArray();
  const out = await db.receipts.where('number').startsWithIgnoreCase(q).limit(limit).toArray();
  if (/^\d{1,9}$/.test(q) && Number(q) > 0) {
    const { tillCode } = await getTillIdentity(db);
    const exact = await db.receipts.where('number').equals(receiptNumber(tillCode, Number(q))).first();
    if (exact && !out.some((r) => r.id === exact.id)) out.unshift(exact);
  }
  return out.sort((a, b) => b.seq - a.seq);
}
