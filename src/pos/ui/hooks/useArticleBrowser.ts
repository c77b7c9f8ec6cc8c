import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../app/AppContext';
import type { ArticleRow } from '../../../db/schema';
import { articlesInGroup, searchArticles } from '../../services/catalog';

/** Articles for the sale grid: a search query wins over the selected group. */
export function useArticleBrowser(query: string, groupId: string | null): ArticleRow[] | undefined {
  const { db } = useApp();
  return useLiveQuery(async () => {
    if (query.trim()) return searchArticles(db, query);
    if (groupId) return articlesInGroup(db, groupId);
    return [];
  }, [db, query, groupId]);
}
