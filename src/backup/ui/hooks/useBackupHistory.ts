import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { BackupHistoryRow } from '../../../db/schema';
import { listHistory } from '../../service';

/** Backup runs, newest first; undefined while loading. */
export function useBackupHistory(): BackupHistoryRow[] | undefined {
  const { db } = useApp();
  return useLiveQuery(() => listHistory(db), [db]);
}
