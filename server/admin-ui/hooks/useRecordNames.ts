// id → display name for referenced kinds (an article's group, an operator's role) in tables.
// Reads the first 500 records of each kind; beyond that the raw id is shown.
import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { RecordKind } from '../../../src/sync/entities';
import { recordLabel } from '../components/recordLabel';
import { useAdmin } from '../context';

const LOOKUP = { limit: 500, offset: 0 };

export function useRecordNames(kinds: readonly RecordKind[]): (kind: RecordKind, id: unknown) => string {
  const { api } = useAdmin();
  const results = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: ['records', kind, '', LOOKUP.limit, LOOKUP.offset],
      queryFn: () => api.listRecords(kind, LOOKUP),
    })),
  });
  const pages = results.map((r) => r.data);
  return useMemo(() => {
    const names = new Map<string, string>();
    kinds.forEach((kind, i) => {
      for (const item of pages[i]?.items ?? []) names.set(`${kind}:${item.id}`, recordLabel(kind, item.data));
    });
    return (kind: RecordKind, id: unknown) => (typeof id === 'string' ? (names.get(`${kind}:${id}`) ?? id) : '');
  }, [kinds, ...pages]); // `kinds` is fixed per table, so the deps keep one length.
}
