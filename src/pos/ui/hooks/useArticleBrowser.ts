import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../app/AppContext';
import type { ArticleRow } from '../../../db/schema';
import { articlesInGroup, searchArticles } from '../../services/catalog';
import { effectiveUnitPrice } from '../../domain';

export interface BrowsedArticle extends ArticleRow {
  /** The price the sale will use now (price lists applied), not only the base price. */
  unitPrice: number;
}

/** Articles for the sale grid, priced as the cart will price them; a search query wins over the group. */
export function useArticleBrowser(query: string, groupId: string | null): BrowsedArticle[] | undefined {
  const { db, clock } = useApp();
  return useLiveQuery(async () => {
    const articles = query.trim() ? await searchArticles(db, query) : groupId ? await articlesInGroup(db, groupId) : [];
    if (articles.length === 0) return [];
    const [prices, priceLists] = await Promise.all([db.prices.where('articleId').anyOf(articles.map((a) => a.id)).toArray(), db.priceLists.toArray()]);
    const now = clock.now().getTime();
    return articles.map((a) => ({
      ...a,
      unitPrice: effectiveUnitPrice({ article: a, prices: prices.filter((p) => p.articleId === a.id), priceLists, now }).unitPrice,
    }));
  }, [db, clock, query, groupId]);
}
