// One page of records of a kind, with search; the previous page stays shown while the next loads.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RecordKind } from '@model';
import { useAdmin } from '../context';

export interface RecordsQuery {
  q?: string;
  limit: number;
  offset: number;
}

export function useRecords(kind: RecordKind | null, query: RecordsQuery) {
  const { api } = useAdmin();
  return useQuery({
    queryKey: ['records', kind, query.q ?? '', query.limit, query.offset],
    queryFn: () => api.listRecords(kind as RecordKind, query),
    enabled: kind !== null,
    placeholderData: keepPreviousData,
  });
}
