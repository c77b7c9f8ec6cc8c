// The off-site backup sets the tills keep on this back office, and deleting one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAdmin } from '../context';

export function useBackups() {
  const { api } = useAdmin();
  return useQuery({ queryKey: ['backups'], queryFn: () => api.listBackups(), refetchInterval: 60_000 });
}

export function useDeleteBackup() {
  const { api } = useAdmin();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (setId: string) => api.deleteBackup(setId),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['backups'] }),
  });
}
