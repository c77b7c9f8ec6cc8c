import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { ShiftRow } from '../../../db/schema';

/** The till's open shift, null when none is open, undefined while loading. */
export function useOpenShift(): ShiftRow | null | undefined {
  const { db } = useApp();
  return useLiveQuery(async () => (await db.shifts.where('status').equals('open').first()) ?? null, [db]);
}
