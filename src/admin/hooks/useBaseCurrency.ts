// The shop's money: its base currency (the parameters record's `baseCurrency`) with that
// currency record's decimals, and the decimals of any other currency (a foreign-cash tender's
// amount is in that currency's minor units). A currency without a record falls back to the
// decimals ISO 4217 gives it; a shop without parameters yet is a EUR shop (the blank record's).
import { currencyDecimals } from '@model';
import { BLANK_RECORDS } from '../forms/specs';
import { useRecords } from './useRecords';

export interface ShopMoney {
  /** The base currency's code and decimals. */
  code: string;
  decimals: number;
  /** The decimals of a currency by code. */
  decimalsOf: (code: string) => number;
  /** False while the parameters or currencies are still loading (forms wait for it). */
  ready: boolean;
}

const ALL = { limit: 1000, offset: 0 };
const FALLBACK_CODE = String(BLANK_RECORDS.parameters.baseCurrency);

export function useShopMoney(): ShopMoney {
  const parameters = useRecords('parameters', { limit: 1, offset: 0 });
  const currencies = useRecords('currency', ALL);
  const stored = parameters.data?.items[0]?.data.baseCurrency;
  const code = typeof stored === 'string' && stored !== '' ? stored : FALLBACK_CODE;
  const known = new Map<string, number>();
  for (const item of currencies.data?.items ?? []) {
    const { code: c, decimals } = item.data;
    if (typeof c === 'string' && typeof decimals === 'number') known.set(c, decimals);
  }
  const decimalsOf = (c: string) => known.get(c) ?? currencyDecimals(c);
  return { code, decimals: decimalsOf(code), decimalsOf, ready: !parameters.isPending && !currencies.isPending };
}

/** The shop's base currency code from the parameters record ("EUR"), null until known. */
export function useBaseCurrency(): string | null {
  const { data } = useRecords('parameters', { limit: 1, offset: 0 });
  const code = data?.items[0]?.data.baseCurrency;
  return typeof code === 'string' ? code : null;
}
