import { useApp } from '../../../ui/AppContext';
import type { ArticleRow } from '../../../db/schema';
import { articlePage, type Page } from '../../services/lists';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** One page of articles by name, or of those matching a name/SKU/barcode query. */
export function useArticlePage(query: string, offset: number, limit: number): LiveResult<Page<ArticleRow>> {
  const { db } = useApp();
  return useLiveResult(() => articlePage(db, query, offset, limit), [db, query, offset, limit]);
}
