// Read-only back-office data: the dashboard summary, received receipts and shift reports.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PageQuery } from '../api';
import { useAdmin } from '../context';

export function useSummary() {
  const { api } = useAdmin();
  return useQuery({ queryKey: ['summary'], queryFn: () => api.summary() });
}

export function useReceipts(query: PageQuery & { tillId?: string }) {
  const { api } = useAdmin();
  return useQuery({
    queryKey: ['receipts', query.tillId ?? '', query.limit, query.offset],
    queryFn: () => api.listReceipts(query),
    placeholderData: keepPreviousData,
  });
}

export function useShiftReports(query: PageQuery) {
  const { api } = useAdmin();
  return useQuery({
    queryKey: ['shift-reports', query.limit, query.offset],
    queryFn: () => api.listShiftReports(query),
    placeholderData: keepPreviousData,
  });
}
