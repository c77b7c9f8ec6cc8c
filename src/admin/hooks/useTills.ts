// The tills list, their revocation and the one-time sync codes that pair new tills.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAdmin } from '../context';

export function useTills() {
  const { api } = useAdmin();
  return useQuery({ queryKey: ['tills'], queryFn: () => api.listTills(), refetchInterval: 30_000 });
}

export function useRevokeTill() {
  const { api } = useAdmin();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.revokeTill(id),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tills'] }),
  });
}

export function useIssueSyncCode() {
  const { api } = useAdmin();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.issueSyncCode(),
    // A till paired with the code shows up in the list soon after.
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tills'] }),
  });
}
