// Setting up a medium for a backup set: BACKUP.json and key.age (written once per medium),
// and MEDIUM.json, the medium's own identity so rotation between sticks is recognised.
import { BackupError, type BackupClock, type BackupDestination } from './types';
import { randomHex, sha256Hex } from './bytes';
import { FORMAT_NAME, FORMAT_VERSION, PATHS, configSchema, jsonBytes, mediumSchema, parseJsonFile, type BackupConfig, type MediumInfo } from './schema';
import type { ChunkerParams } from './chunker';

/** What the till keeps about its backup set (in backupSettings); the medium gets a copy. */
export interface SetIdentity {
  setId: string;
  createdAt: string;
  encryption: 'age-x25519' | 'none';
  recipient: string | null;
  keyAge: Uint8Array | null;
  chunker: ChunkerParams;
}

export async function configFor(set: SetIdentity): Promise<BackupConfig> {
  if (set.encryption === 'age-x25519' && (!set.recipient || !set.keyAge)) throw new BackupError('not-configured', 'encryption key');
  return {
    format: FORMAT_NAME,
    formatVersion: FORMAT_VERSION,
    setId: set.setId,
    createdAt: set.createdAt,
    encryption: set.encryption,
    recipient: set.encryption === 'none' ? null : set.recipient,
    keyFile: set.encryption === 'none' || !set.keyAge ? null : { path: PATHS.key, sha256: await sha256Hex(set.keyAge), size: set.keyAge.length },
    chunker: set.chunker,
  };
}

/**
 * The medium's BACKUP.json for this set, writing it (and key.age) when the medium is new.
 * A medium holding another set is refused ('other-set') unless replaceForeign is true.
 */
export async function prepareRepository(dest: BackupDestination, set: SetIdentity, replaceForeign: boolean): Promise<BackupConfig> {
  const wanted = await configFor(set);
  const bytes = await dest.read(PATHS.config);
  let existing: BackupConfig | null = null;
  if (bytes) {
    try {
      existing = parseJsonFile(bytes, configSchema, PATHS.config);
    } catch (e) {
      if (!replaceForeign) throw e instanceof BackupError && e.code === 'unsupported-version' ? e : new BackupError('other-set', 'unreadable BACKUP.json');
    }
    if (existing && existing.setId !== set.setId && !replaceForeign) throw new BackupError('other-set', existing.setId);
  }
  // Compared in the schema's key order, so a re-run does not rewrite an identical file.
  const same = existing !== null && JSON.stringify(existing) === JSON.stringify(configSchema.parse(wanted));
  const keyOk = !wanted.keyFile || (await keyMatches(dest, wanted.keyFile.sha256));
  if (same && keyOk) return wanted;
  if (existing && existing.setId !== set.setId) await dest.remove(PATHS.head);
  if (set.keyAge && wanted.keyFile) await dest.write(PATHS.key, set.keyAge);
  await dest.write(PATHS.config, jsonBytes(wanted));
  return wanted;
}

async function keyMatches(dest: BackupDestination, sha256: string): Promise<boolean> {
  const key = await dest.read(PATHS.key);
  return key !== null && (await sha256Hex(key)) === sha256;
}

/** The medium's identity, created on first use; a damaged MEDIUM.json gets a fresh one. */
export async function identifyMedium(dest: BackupDestination, clock: BackupClock, label: string): Promise<MediumInfo> {
  const bytes = await dest.read(PATHS.medium);
  if (bytes) {
    try {
      return parseJsonFile(bytes, mediumSchema, PATHS.medium);
    } catch {
      // fall through: a fresh identity is better than refusing to back up
    }
  }
  const medium: MediumInfo = { mediumId: randomHex(8), label, createdAt: clock.now().toISOString() };
  await dest.write(PATHS.medium, jsonBytes(medium));
  return medium;
}
