// The daily backup's settings (one backupSettings row) and the set's keys: the password is
// asked once, at setup; daily runs encrypt to the stored public recipient.
import type { DataSetName, OrgDatabase } from '../db/schema';
import { randomHex } from './format/bytes';
import { DEFAULT_CHUNKER } from './format/chunker';
import type { CompressionLevel, PackCodec } from './format/codec';
import type { SetIdentity } from './format/repo';
import { fail, ok, type BackupClock, type Result } from './format/types';
import { ALL_DATA_SETS } from './dexie-source';
import type { ExtraFolder } from './folder-source';
import { alwaysAvailable, DEFAULT_MEDIUM, parseMedium, type MediumSettings } from './media';

export interface BackupSettings {
  id: 'backup';
  /** null until the manager sets a password (or explicitly chooses no encryption). */
  set: SetIdentity | null;
  /** Keys the dedup tags; stays on this till, never on the medium. */
  dedupSecret: string;
  compressionLevel: CompressionLevel;
  includeIndexes: boolean;
  dataSets: DataSetName[];
  /** "Backups are made outside this app" (confirmed by a dialog in the UI). */
  externalBackups: boolean;
  suspended: boolean;
  /** Where backups go (media/index.ts lists the media). */
  medium: MediumSettings;
  /** Where they go while `medium` is unavailable (the back office unlinked): the medium chosen
   * before it. */
  fallbackMedium: MediumSettings | null;
  /** Extra disk folders (label + directory handle, storable in IndexedDB) backed up as "files". */
  extraFolders: ExtraFolder[];
}

export function defaultSettings(): BackupSettings {
  return {
    id: 'backup', set: null, dedupSecret: randomHex(32), compressionLevel: 6, includeIndexes: false,
    dataSets: [...ALL_DATA_SETS], externalBackups: false, suspended: false, medium: DEFAULT_MEDIUM, fallbackMedium: null, extraFolders: [],
  };
}

/** Rows from before the media registry: a `directory` handle, and the back office chosen by the
 * settings key 'backupMedium'. */
const LEGACY_MEDIUM_KEY = 'backupMedium';
type StoredSettings = Partial<Omit<BackupSettings, 'medium' | 'fallbackMedium'>> & { medium?: unknown; fallbackMedium?: unknown; directory?: unknown };

export async function loadSettings(db: OrgDatabase): Promise<BackupSettings> {
  const row = (await db.backupSettings.get('backup')) as StoredSettings | undefined;
  const { directory, medium: storedMedium, fallbackMedium: storedFallback, ...rest } = row ?? {};
  let medium = parseMedium(storedMedium);
  let fallbackMedium = parseMedium(storedFallback);
  if (!medium) {
    const local = parseMedium({ kind: 'folder', handle: directory }) ?? DEFAULT_MEDIUM;
    const backOffice = (await db.settings.get(LEGACY_MEDIUM_KEY))?.value === 'back-office';
    medium = backOffice ? { kind: 'back-office' } : local;
    fallbackMedium = backOffice ? local : null;
  }
  return { ...defaultSettings(), ...rest, medium, fallbackMedium, id: 'backup' };
}

export async function saveSettings(db: OrgDatabase, patch: Partial<Omit<BackupSettings, 'id' | 'set' | 'dedupSecret'>>): Promise<BackupSettings> {
  const next = { ...(await loadSettings(db)), ...patch, id: 'backup' as const };
  await db.backupSettings.put(next);
  return next;
}

/** The manager's choice of medium. A medium that may become unavailable (the back office) keeps
 * the previous always-available one as its fallback. */
export async function chooseMedium(db: OrgDatabase, medium: MediumSettings): Promise<BackupSettings> {
  const current = await loadSettings(db);
  const previous = alwaysAvailable(current.medium.kind) ? current.medium : current.fallbackMedium;
  return saveSettings(db, { medium, fallbackMedium: alwaysAvailable(medium.kind) ? null : previous });
}

export type EncryptionChoice = { password: string } | { unencrypted: true };

/**
 * Creates the backup set. Returns the recovery key to show once (null when unencrypted).
 * Re-running it starts a new set: media holding the old one are refused until replaced.
 */
export async function setupBackupSet(
  db: OrgDatabase,
  choice: EncryptionChoice,
  deps: { codec: PackCodec; clock: BackupClock; scryptLogN?: number },
): Promise<Result<{ recoveryKey: string | null; setId: string }>> {
  const base = { setId: randomHex(16), createdAt: deps.clock.now().toISOString(), chunker: { ...DEFAULT_CHUNKER, salt: randomHex(16) } };
  let set: SetIdentity;
  let recoveryKey: string | null = null;
  if ('password' in choice) {
    if (choice.password.length === 0) return fail('wrong-password', 'empty');
    const keys = await deps.codec.createKeySet(choice.password, deps.scryptLogN ?? 18);
    set = { ...base, encryption: 'age-x25519', recipient: keys.recipient, keyAge: keys.keyAge };
    recoveryKey = keys.identity;
  } else {
    set = { ...base, encryption: 'none', recipient: null, keyAge: null };
  }
  const current = await loadSettings(db);
  await db.backupSettings.put({ ...current, set });
  return ok({ recoveryKey, setId: set.setId });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The "no backup for a day" reminder, unless backups are external or suspended. */
export function isReminderDue(s: Pick<BackupSettings, 'externalBackups' | 'suspended'>, lastOkAt: string | null, now: Date): boolean {
  if (s.externalBackups || s.suspended) return false;
  return lastOkAt === null || now.getTime() - Date.parse(lastOkAt) >= DAY_MS;
}
