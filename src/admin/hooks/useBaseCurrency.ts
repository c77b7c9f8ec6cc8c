// The shop's base currency code from the parameters record ("EUR"), null until known.
import { useRecords } from './useRecords';

export function useBaseCurrency(): string | null {
  const { data } = useRecords('parameters', { limit: 1, offset: 0 });
  const code = data?.items[0]?.data.baseCurrency;
  return typeof code === 'string' ? code : null;
}
