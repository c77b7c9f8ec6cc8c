// The export wizard's single file (seed 004): one or several organizations, each a complete
// repository tree, in one canonical uncompressed ZIP (.posbackup), with its own password.
import type { DataSetName, OrgDatabase } from '../db/schema';
import { DEFAULT_CHUNKER } from './format/chunker';
import { randomHex } from './format/bytes';
import type { CompressionLevel, PackCodec } from './format/codec';
import { prepareRepository, type SetIdentity } from './format/repo';
import { ROOT } from './format/schema';
import { writeSnapshot } from './format/snapshot';
import { fail, ok, toFailure, type BackupClock, type BackupReader, type OnProgress, type Result } from './format/types';
import { entriesReader, readZip, repositoriesInZip, repositoryEntries, writeZip, type ZipEntry } from './format/zip';
import { memoryDestination } from './destinations/memory';
import { ALL_DATA_SETS, readDataSets } from './dexie-source';

export interface ExportOrganization {
  db: OrgDatabase;
  organization: { id: string; name: string };
  stores: { id: string; name: string }[];
}

export interface ExportOptions {
  codec: PackCodec;
  clock: BackupClock;
  /** null = unencrypted (the wizard warns); otherwise the file's password. */
  password: string | null;
  level?: CompressionLevel;
  dataSets?: DataSetName[];
  scryptLogN?: number;
  onProgress?: OnProgress;
}

export const BACKUP_FILE_EXTENSION = '.posbackup';

/** Builds the .posbackup bytes; one organization sits at POS-Backup/, several at POS-Backup/<id>/. */
export async function exportOrganizations(orgs: ExportOrganization[], o: ExportOptions): Promise<Result<Uint8Array>> {
  if (orgs.length === 0) return fail('missing-piece', 'no organization');
  try {
    const keys = o.password === null ? null : await o.codec.createKeySet(o.password, o.scryptLogN ?? 18);
    const entries: ZipEntry[] = [];
    let done = 0;
    for (const org of orgs) {
      const set: SetIdentity = {
        setId: randomHex(16), createdAt: o.clock.now().toISOString(), chunker: { ...DEFAULT_CHUNKER, salt: randomHex(16) },
        encryption: keys ? 'age-x25519' : 'none', recipient: keys?.recipient ?? null, keyAge: keys?.keyAge ?? null,
      };
      const dest = memoryDestination('download');
      const config = await prepareRepository(dest, set, false);
      const tables = await readDataSets(org.db, o.dataSets ?? ALL_DATA_SETS, false);
      await writeSnapshot(
        dest, config, tables,
        {
          snapshotId: randomHex(12), createdAt: o.clock.now().toISOString(), description: 'export', organization: org.organization,
          stores: org.stores, includeIndexes: false, schemaVersion: org.db.verno,
        },
        { codec: o.codec, level: o.level ?? 6, dedupSecret: randomHex(32) },
      );
      entries.push(...(await repositoryEntries(dest, orgs.length === 1 ? ROOT : `${ROOT}/${org.organization.id}`)));
      o.onProgress?.({ phase: 'write', done: ++done, total: orgs.length });
    }
    return ok(writeZip(entries));
  } catch (e) {
    const f = toFailure(e);
    return fail(f.reason, f.detail);
  }
}

/** Opens a .posbackup: the repositories it holds, each readable through the common interface. */
export function openBackupFile(bytes: Uint8Array): Result<{ roots: string[]; reader(root: string): BackupReader }> {
  try {
    const entries = readZip(bytes);
    const roots = repositoriesInZip(entries);
    if (roots.length === 0) return fail('no-backup');
    return ok({ roots, reader: (root: string) => entriesReader(entries, root) });
  } catch (e) {
    const f = toFailure(e);
    return fail(f.reason, f.detail);
  }
}
