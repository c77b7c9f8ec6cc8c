import { useApp } from '../../../ui/AppContext';
import type { ReceiptRow } from '../../../db/schema';
import { findReceipts, receiptPage, type Page } from '../../services/lists';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** Receipts newest first (of a shift, or all), or those matching a typed/scanned number. */
export function useReceiptPage(shiftId: string | null, query: string, offset: number, limit: number): LiveResult<Page<ReceiptRow>> {
  const { db } = useApp();
  return useLiveResult(
    async () => (query.trim() ? { items: await findReceipts(db, query, limit), hasMore: false } : receiptPage(db, shiftId, offset, limit)),
    [db, shiftId, query, offset, limit],
  );
}
