import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { ArticleRow } from '../../../db/schema';
import { articlesInGroup, searchArticles } from '../../services/catalog';
import { priceArticles } from '../../services/pricing';

export interface BrowsedArticle extends ArticleRow {
  /** The price the sale will use now (price lists applied), not only the base price. */
  unitPrice: number;
}

/** Articles for the sale grid, priced as the cart will price them; a search query wins over the group. */
export function useArticleBrowser(query: string, groupId: string | null): BrowsedArticle[] | undefined {
  const { db, clock } = useApp();
  return useLiveQuery(async () => {
    const articles = query.trim() ? await searchArticles(db, query) : groupId ? await articlesInGroup(db, groupId) : [];
    const prices = await priceArticles(db, articles, null, clock.now().getTime());
    return articles.map((a) => ({ ...a, unitPrice: prices.get(a.id)! }));
  }, [db, clock, query, groupId]);
}
