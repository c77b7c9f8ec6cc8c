// The export wizard's single file (seed 004): one or several organizations, each a complete
// repository tree, in one canonical uncompressed ZIP (.posbackup), with its own password. The
// file is written chunk by chunk to its destination (a folder's file or a Blob of parts) and read
// entry by entry from a File (format/zip.ts): it is never held whole in memory.
import type { DataSetName, OrgDatabase } from '../db/schema';
import { DEFAULT_CHUNKER } from './format/chunker';
import { randomHex } from './format/bytes';
import type { CompressionLevel, PackCodec } from './format/codec';
import { prepareRepository, type SetIdentity } from './format/repo';
import { ROOT } from './format/schema';
import { writeSnapshot } from './format/snapshot';
import { BackupError, fail, ok, toFailure, type BackupClock, type BackupReader, type OnProgress, type Result } from './format/types';
import { blobSource, bytesSource, indexReader, openZip, repositoriesInZip, repositoryPaths, writeZipStream, type ZipEntry } from './format/zip';
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

/** Where the .posbackup goes, chunk by chunk: a WritableStream (a folder's FileSystemWritableFileStream)
 * or a function (collecting Blob parts). The caller closes a stream. */
export type ExportSink = WritableStream<Uint8Array> | ((chunk: Uint8Array) => void | Promise<void>);

/** Writes the .posbackup to `sink`; one organization sits at POS-Backup/, several at POS-Backup/<id>/.
 * Each organization's repository is built, written and dropped before the next. Returns its size. */
export async function exportOrganizationsTo(orgs: ExportOrganization[], o: ExportOptions, sink: ExportSink): Promise<Result<number>> {
  if (orgs.length === 0) return fail('missing-piece', 'no organization');
  const writer = typeof sink === 'function' ? null : sink.getWriter();
  const write = writer ? (c: Uint8Array) => writer.write(c) : (sink as (c: Uint8Array) => void | Promise<void>);
  try {
    const keys = o.password === null ? null : await o.codec.createKeySet(o.password, o.scryptLogN ?? 18);
    async function* entries(): AsyncGenerator<ZipEntry> {
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
        tables.length = 0;
        // The destination's own bytes (its read() copies), each dropped once written.
        const root = orgs.length === 1 ? ROOT : `${ROOT}/${org.organization.id}`;
        for (const path of await repositoryPaths(dest)) {
          const data = dest.files.get(path);
          if (!data) throw new BackupError('missing-piece', path);
          yield { name: `${root}/${path}`, data };
          dest.files.delete(path);
        }
        o.onProgress?.({ phase: 'write', done: ++done, total: orgs.length });
      }
    }
    return ok(await writeZipStream(entries(), write));
  } catch (e) {
    const f = toFailure(e);
    return fail(f.reason, f.detail);
  } finally {
    writer?.releaseLock();
  }
}

/** The .posbackup as bytes in memory (tests, small exports); the wizard streams (exportOrganizationsTo). */
export async function exportOrganizations(orgs: ExportOrganization[], o: ExportOptions): Promise<Result<Uint8Array>> {
  const parts: Uint8Array[] = [];
  const r = await exportOrganizationsTo(orgs, o, (c) => void parts.push(c));
  if (!r.ok) return r;
  const out = new Uint8Array(r.value);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return ok(out);
}

/** The .posbackup as a Blob built from its chunks (the download), without one whole copy in the heap. */
export async function exportOrganizationsToBlob(orgs: ExportOrganization[], o: ExportOptions): Promise<Result<Blob>> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const r = await exportOrganizationsTo(orgs, o, (c) => void parts.push(c as Uint8Array<ArrayBuffer>));
  return r.ok ? ok(new Blob(parts, { type: 'application/octet-stream' })) : r;
}

/** Opens a .posbackup (a File, or bytes): the repositories it holds, each readable through the
 * common interface. The file is checked whole here, one entry at a time, and read lazily after. */
export async function openBackupFile(file: Uint8Array | Blob): Promise<Result<{ roots: string[]; reader(root: string): BackupReader }>> {
  try {
    const src = file instanceof Uint8Array ? bytesSource(file) : blobSource(file);
    const index = await openZip(src);
    const roots = repositoriesInZip(index);
    if (roots.length === 0) return fail('no-backup');
    return ok({ roots, reader: (root: string) => indexReader(src, index, root) });
  } catch (e) {
    const f = toFailure(e);
    return fail(f.reason, f.detail);
  }
}
