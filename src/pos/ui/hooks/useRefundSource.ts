import { useApp } from '../../../ui/AppContext';
import { loadRefundSource, type RefundSource } from '../../services/refunds';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** The receipt being refunded and what earlier refunds returned (null: unknown receipt). */
export function useRefundSource(receiptId: string | null): LiveResult<RefundSource | null> {
  const { db } = useApp();
  return useLiveResult(async () => (receiptId ? loadRefundSource(db, receiptId) : null), [db, receiptId]);
}
