import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import { loadSettings, type BackupSettings } from '../../settings';

/** This organization's backup settings, live; undefined while loading. */
export function useBackupSettings(): BackupSettings | undefined {
  const { db } = useApp();
  return useLiveQuery(() => loadSettings(db), [db]);
}
