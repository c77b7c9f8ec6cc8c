import { useApp } from '../../../ui/AppContext';
import type { Currency } from '@model';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** Currencies by code (a shop has a handful). */
export function useCurrencies(): LiveResult<Currency[]> {
  const { db } = useApp();
  return useLiveResult(() => db.currencies.orderBy('code').toArray(), [db]);
}
