// id → display name for referenced kinds (an article's group, an operator's role) in tables.
// Reads the first 500 records of each kind; beyond that the raw id is shown.
import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { RecordKind } from '@model';
import { recordLabel } from '../components/recordLabel';
import { useAdmin } from '../context';

const LOOKUP = { limit: 500, offset: 0 };

/** Declared once: useQueries re-runs a `combine` of the same identity only when a result changed,
 * so the pages array (and the lookup built from it) stays the same between renders. */
const pagesOf = <T,>(results: readonly { data: T }[]): T[] => results.map((r) => r.data);

export function useRecordNames(kinds: readonly RecordKind[]): (kind: RecordKind, id: unknown) => string {
  const { api } = useAdmin();
  const pages = useQueries({
    queries: kinds.map((kind) => ({
      queryKey: ['records', kind, '', LOOKUP.limit, LOOKUP.offset],
      queryFn: () => api.listRecords(kind, LOOKUP),
    })),
    combine: pagesOf,
  });
  return useMemo(() => {
    const names = new Map<string, string>();
    kinds.forEach((kind, i) => {
      for (const item of pages[i]?.items ?? []) names.set(`${kind}:${item.id}`, recordLabel(kind, item.data));
    });
    return (kind: RecordKind, id: unknown) => (typeof id === 'string' ? (names.get(`${kind}:${id}`) ?? id) : '');
  }, [kinds, pages]);
}
