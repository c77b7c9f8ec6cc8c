import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { Operator } from '@model';

/** Operators of this till, by name; undefined while loading. */
export function useOperators(): Operator[] | undefined {
  const { db } = useApp();
  return useLiveQuery(() => db.operators.toArray().then((ops) => ops.sort((a, b) => a.name.localeCompare(b.name))), [db]);
}
