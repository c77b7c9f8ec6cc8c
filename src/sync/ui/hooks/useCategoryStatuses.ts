import type { Category } from '@model';
import type { CategoryStatus } from '../../status';
import { useObservable } from './useObservable';
import { useSyncSession } from './useSyncSession';
import type { SyncSession } from '../syncSession';

/** Per-category progress, last sync and error for the tiles and refresh buttons. */
export function useCategoryStatuses(): {
  statuses: Record<Category, CategoryStatus> | undefined;
  session: SyncSession | null;
  linked: boolean | undefined;
  active: boolean;
} {
  const { session, linked, active } = useSyncSession();
  const statuses = useObservable(session?.status.categories$);
  return { statuses, session, linked, active };
}
