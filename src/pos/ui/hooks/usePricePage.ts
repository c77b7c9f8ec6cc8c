import { useApp } from '../../../ui/AppContext';
import { pricePage, type Page, type PriceRow } from '../../services/lists';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** One page of a price list's prices with article names. */
export function usePricePage(priceListId: string | null, offset: number, limit: number): LiveResult<Page<PriceRow>> {
  const { db } = useApp();
  return useLiveResult(
    async () => (priceListId ? pricePage(db, priceListId, offset, limit) : { items: [], hasMore: false }),
    [db, priceListId, offset, limit],
  );
}
