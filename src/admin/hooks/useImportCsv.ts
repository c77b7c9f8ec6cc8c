// Sends a CSV file to the import endpoint; the answer carries the per-row error report.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportKind } from '../api';
import { useAdmin } from '../context';

export function useImportCsv() {
  const { api } = useAdmin();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { kind: ImportKind; csv: string }) => api.importCsv(v.kind, v.csv),
    onSuccess: (_result, v) => {
      void client.invalidateQueries({ queryKey: ['records', v.kind] });
      void client.invalidateQueries({ queryKey: ['summary'] });
    },
  });
}
