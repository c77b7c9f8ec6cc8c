import { useQuery } from '@tanstack/react-query';
import { ensurePermission } from '../../destinations/directory';
import type { DirectoryHandleLike } from '../../destinations/handle';

/** Whether the stored folder handle may still be written ('prompt' = ask again in a click). */
export function useDirectoryPermission(handle: DirectoryHandleLike | null) {
  return useQuery({
    queryKey: ['backup-permission', handle?.name ?? null],
    queryFn: async () => (handle ? ensurePermission(handle, false) : null),
    staleTime: 0,
  });
}
