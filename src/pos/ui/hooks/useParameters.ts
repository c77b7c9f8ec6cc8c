import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { ParametersRow } from '../../../db/schema';

/** The shop's parameters from the back office (name, receipt header/footer, tax mode, currency). */
export function useParameters(): ParametersRow | undefined {
  const { db } = useApp();
  return useLiveQuery(() => db.parameters.get('shop'), [db]);
}
