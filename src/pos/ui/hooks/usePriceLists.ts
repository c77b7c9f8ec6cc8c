import { useApp } from '../../../ui/AppContext';
import type { Discount, PriceList } from '@model';
import { discounts, priceLists } from '../../services/lists';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** Price lists (highest priority first) and automatic discounts. */
export function usePriceLists(): LiveResult<{ lists: PriceList[]; discounts: Discount[] }> {
  const { db } = useApp();
  return useLiveResult(async () => ({ lists: await priceLists(db), discounts: await discounts(db) }), [db]);
}
