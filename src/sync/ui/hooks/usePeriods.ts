import { useLiveQuery } from 'dexie-react-hooks';
import type { OrgDatabase, SyncStateRow } from '../../../db/schema';
import { getSyncStates } from '../../engine/link';
import { syncStoreOf } from '../../dexieStore';

/** The per-category sync state rows (periods) of a database. */
export function usePeriods(db: OrgDatabase): SyncStateRow[] | undefined {
  return useLiveQuery(() => getSyncStates(syncStoreOf(db)), [db]);
}
