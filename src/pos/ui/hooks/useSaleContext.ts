import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { ArticleGroup, Currency, Discount, PriceList } from '@model';
import type { ParametersRow } from '../../../db/schema';

export interface SaleContext {
  parameters: ParametersRow;
  discounts: Discount[];
  groups: ArticleGroup[];
  priceLists: PriceList[];
  currencies: Currency[];
  baseDecimals: number;
}

/** Everything pricing a sale needs besides the cart: parameters, discounts, groups, lists, currencies. */
export function useSaleContext(): SaleContext | undefined {
  const { db } = useApp();
  return useLiveQuery(async () => {
    const [parameters, discounts, groups, priceLists, currencies] = await Promise.all([
      db.parameters.get('shop'),
      db.discounts.toArray(),
      db.articleGroups.toArray(),
      db.priceLists.toArray(),
      db.currencies.toArray(),
    ]);
    if (!parameters) return undefined;
    const base = currencies.find((c) => c.code === parameters.baseCurrency);
    return { parameters, discounts, groups, priceLists, currencies, baseDecimals: base?.decimals ?? 2 };
  }, [db]);
}
