// Save (PUT) and delete a record; both refresh that kind's lists and the dashboard counts.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordKind } from '@model';
import { useAdmin } from '../context';

export function useRecordMutations(kind: RecordKind) {
  const { api } = useAdmin();
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['records', kind] });
    void client.invalidateQueries({ queryKey: ['summary'] });
  };
  const save = useMutation({
    mutationFn: (v: { id: string; data: Record<string, unknown> }) => api.saveRecord(kind, v.id, v.data),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.deleteRecord(kind, id),
    onSuccess: refresh,
  });
  return { save, remove };
}
