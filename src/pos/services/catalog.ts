// Catalog lookups on indexes that stay instant with 100,000 articles: multi-entry barcodes,
// SKU, and multi-entry name words (prefix search on any word of the name).
import type { ArticleRow, OrgDatabase } from '../../db/schema';
import { nameWords, searchKey } from '../../db/schema';

export async function findByBarcode(db: OrgDatabase, code: string): Promise<ArticleRow | undefined> {
  const hit = await db.articles.where('barcodes').equals(code).first();
  if (hit) return hit;
  return db.articles.where('sku').equals(code).first();
}

/** Articles whose SKU starts with the query, or whose name has a word starting with each query word. */
export async function searchArticles(db: OrgDatabase, query: string, limit = 60): Promise<ArticleRow[]> {
  const words = nameWords(query);
  const first = words.sort((a, b) => b.length - a.length)[0];
  if (!first) return [];
  const rest = words.slice(1);
  const matchesAll = (a: ArticleRow) => rest.every((w) => a.words.some((aw) => aw.startsWith(w)));
  const bySku = await db.articles.where('sku').startsWithIgnoreCase(query.trim()).limit(limit).toArray();
  const byWord = await db.articles
    .where('words')
    .startsWith(first)
    .filter(matchesAll)
    .limit(limit * 2)
    .toArray();
  const seen = new Set<string>();
  const out: ArticleRow[] = [];
  for (const a of [...bySku, ...byWord]) {
    if (seen.has(a.id) || !a.active) continue;
    seen.add(a.id);
    out.push(a);
    if (out.length >= limit) break;
  }
  const key = searchKey(query);
  return out.sort((a, b) => Number(b.nameKey.startsWith(key)) - Number(a.nameKey.startsWith(key)) || a.name.localeCompare(b.name));
}

export async function articlesInGroup(db: OrgDatabase, groupId: string, limit = 120): Promise<ArticleRow[]> {
  return db.articles.where('groupId').equals(groupId).filter((a) => a.active).limit(limit).toArray();
}
