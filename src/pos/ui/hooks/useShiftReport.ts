import { useApp } from '../../../ui/AppContext';
import type { ShiftReport } from '@model';
import { shiftReport } from '../../services/shifts';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** The live X report of the open shift (null when no shift is open). */
export function useShiftReport(): LiveResult<ShiftReport | null> {
  const { db } = useApp();
  return useLiveResult(() => shiftReport(db), [db]);
}
