// Prices articles as the sale will: loads their price-list prices in one indexed query and asks
// the domain (effectiveUnitPrice). The sale grid, adding to the cart and attaching a client use it.
import type { OrgDatabase } from '../../db/schema';
import type { Article } from '@model';
import { effectiveUnitPrice } from '../domain';

/** Unit price of each article by id, for the client's price list (null: the shop's default). */
export async function priceArticles(
  db: OrgDatabase,
  articles: readonly Pick<Article, 'id' | 'price'>[],
  priceListId: string | null,
  now: number,
): Promise<Map<string, number>> {
  if (articles.length === 0) return new Map();
  const [prices, priceLists] = await Promise.all([db.prices.where('articleId').anyOf(articles.map((a) => a.id)).toArray(), db.priceLists.toArray()]);
  return new Map(
    articles.map((article) => [
      article.id,
      effectiveUnitPrice({ article, prices: prices.filter((p) => p.articleId === article.id), priceLists, priceListId, now }).unitPrice,
    ]),
  );
}
