import { useApp } from '../../../ui/AppContext';
import type { ShiftRow } from '../../../db/schema';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** The till's latest shifts, newest first (for the Receipts filter and the Shift history). */
export function useRecentShifts(limit = 30): LiveResult<ShiftRow[]> {
  const { db } = useApp();
  return useLiveResult(() => db.shifts.orderBy('number').reverse().limit(limit).toArray(), [db, limit]);
}
