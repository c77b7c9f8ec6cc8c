import { useLiveQuery } from 'dexie-react-hooks';
import type { OrgDatabase, SyncStateRow } from '../../../db/schema';
import { getSyncStates } from '../../engine/link';

/** The per-category sync state rows (periods) of a database. */
export function usePeriods(db: OrgDatabase): SyncStateRow[] | undefined {
  return useLiveQuery(() => getSyncStates(db), [db]);
}
