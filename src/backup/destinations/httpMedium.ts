// The back office as a backup medium: the manager's choice (settings key 'backupMedium') and the
// destination built from the till's active link. Without an active link (never paired, revoked)
// the choice is kept but not usable, and runs go to the folder or download as before.
import type { OrgDatabase } from '../../db/schema';
import { getActiveLink } from '../../sync/engine/link';
import type { BackupDestination } from '../format/types';
import { httpDestination } from './http';
import { syncStoreOf } from '../../sync/dexieStore';

export const BACKUP_MEDIUM_KEY = 'backupMedium';
/** The medium label the engine records for back-office runs (the destination's kind). */
export const BACK_OFFICE_LABEL = 'http';

export interface BackOfficeMedium {
  /** The organization has an active link: the back office can hold the off-site copy. */
  available: boolean;
  /** The manager chose the back office as this organization's medium. */
  chosen: boolean;
  serverUrl: string | null;
}

export async function loadBackOfficeMedium(db: OrgDatabase): Promise<BackOfficeMedium> {
  const [link, row] = await Promise.all([getActiveLink(syncStoreOf(db)), db.settings.get(BACKUP_MEDIUM_KEY)]);
  return { available: !!link, chosen: row?.value === 'back-office', serverUrl: link ? link.serverUrl : null };
}

export async function chooseBackOfficeMedium(db: OrgDatabase, chosen: boolean): Promise<void> {
  if (chosen) await db.settings.put({ key: BACKUP_MEDIUM_KEY, value: 'back-office' });
  else await db.settings.delete(BACKUP_MEDIUM_KEY);
}

/** The off-site destination for `setId` when the back office is chosen and linked, else null. */
export async function backOfficeDestination(db: OrgDatabase, setId: string, fetchFn?: typeof fetch): Promise<BackupDestination | null> {
  const row = await db.settings.get(BACKUP_MEDIUM_KEY);
  const link = await getActiveLink(syncStoreOf(db));
  if (row?.value !== 'back-office' || !link) return null;
  return httpDestination({ baseUrl: link.serverUrl, setId, token: link.token, fetch: fetchFn });
}
