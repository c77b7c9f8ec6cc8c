// The backup service: daily run (with history), verify, restore preview and commit. It ties
// the Dexie edge, the settings and a destination to the pure format core, and turns every
// thrown BackupError into a `{ ok: false, reason }` value.
import type { BackupHistoryRow, DataSetName, OrgDatabase } from '../db/schema';
import { randomHex } from './format/bytes';
import type { PackCodec } from './format/codec';
import { stageBackup, verifyQuick, type StagedBackup } from './format/reader';
import { identifyMedium, prepareRepository } from './format/repo';
import { feedTables, readPreviousHead, writeSnapshot, type SnapshotStats } from './format/snapshot';
import { pruneChanges } from '../db/changes';
import { fail, ok, toFailure, type BackupClock, type BackupDestination, type BackupReader, type Faults, type OnProgress, type Result } from './format/types';
import { ALL_DATA_SETS, commitStaged, countRows, feedDataSetsSince, inOneSnapshot, type PreviousLayout, type RowCounts } from './dexie-source';
import { loadSettings, type BackupSettings } from './settings';
import { FILES_SET, readExtraFolders, type ExtraFolder } from './folder-source';

export interface RunExtras {
  codec: PackCodec;
  organization: { id: string; name: string };
  stores?: { id: string; name: string }[];
  description?: string;
  /** Label for a medium seen for the first time ("Stick 1"); the UI asks for it. */
  mediumLabel?: string;
  /** Overwrite a medium that holds another backup set (after the manager confirmed). */
  replaceForeign?: boolean;
  faults?: Faults;
  /** Extra folders from the disk, backed up as data set "files" (one table per label). */
  extraFolders?: ExtraFolder[];
  /** Unsealed pack bytes a run may hold before reading waits (SnapshotContext.maxPendingBytes). */
  maxPendingBytes?: number;
}

export interface BackupRunReport extends Omit<SnapshotStats, 'head' | 'layout'> {
  historyId: string;
  snapshotId: string;
  mediumId: string;
  mediumLabel: string;
  durationMs: number;
  rows: number;
  /** Rows read from the database: all of them on a full run, the changed key ranges on an incremental one. */
  rowsRead: number;
}

export async function runBackup(
  db: OrgDatabase,
  destination: BackupDestination,
  settings: BackupSettings | null,
  clock: BackupClock,
  onProgress: OnProgress | undefined,
  extras: RunExtras,
): Promise<Result<BackupRunReport>> {
  const s = settings ?? (await loadSettings(db));
  const started = clock.now();
  const row: BackupHistoryRow = {
    id: randomHex(12), startedAt: started.toISOString(), finishedAt: null, mediumId: '', mediumLabel: extras.mediumLabel ?? '',
    bytesWritten: 0, totalBytes: 0, durationMs: 0, verified: 'none', ok: false, error: null,
  };
  if (!s.set) return fail('not-configured');
  try {
    const config = await prepareRepository(destination, s.set, extras.replaceForeign ?? false);
    const medium = await identifyMedium(destination, clock, extras.mediumLabel ?? destination.kind);
    Object.assign(row, { mediumId: medium.mediumId, mediumLabel: medium.label });
    onProgress?.({ phase: 'read', done: 0, total: s.dataSets.length });
    const fingerprint = JSON.stringify([config.setId, config.chunker, s.compressionLevel, s.includeIndexes, s.dedupSecret, db.verno]);
    const previousHead = await readPreviousHead(destination);
    const previous = await loadLayout(db, medium.mediumId, fingerprint, previousHead?.manifest.name ?? null);
    const extra = await readExtraFolders(extras.extraFolders ?? []);
    const snapshotId = randomHex(12);
    const extraRows = extra.reduce((n, t) => n + t.docs.length, 0);
    // Tables stream from read transactions that see one snapshot: packs seal while rows are read.
    // A first attempt that saw the data move leaves packs HEAD does not name: collected.
    let read = { seq: 0, rows: 0, rowsRead: 0 };
    const stats = await inOneSnapshot((lanes) =>
      writeSnapshot(
        destination, config,
        async (feed, canReuse) => {
          read = await feedDataSetsSince(db, s.dataSets, s.includeIndexes, previous, feed, canReuse, lanes);
          await feedTables(extra)(feed, canReuse);
        },
        {
          snapshotId, createdAt: started.toISOString(), description: extras.description ?? '', organization: extras.organization,
          stores: extras.stores ?? [], includeIndexes: s.includeIndexes, schemaVersion: db.verno,
        },
        { codec: extras.codec, level: s.compressionLevel, dedupSecret: s.dedupSecret, faults: extras.faults, onProgress, previousHead, maxPendingBytes: extras.maxPendingBytes },
      ),
    );
    await saveLayout(db, medium.mediumId, fingerprint, config.chunker, stats, read.seq);
    const finished = clock.now();
    const durationMs = finished.getTime() - started.getTime();
    Object.assign(row, { finishedAt: finished.toISOString(), bytesWritten: stats.bytesWritten, totalBytes: stats.totalBytes, durationMs, verified: 'quick', ok: true });
    await db.backupHistory.put(row);
    const { head: _head, ...rest } = stats;
    return ok({
      ...rest, historyId: row.id, snapshotId, mediumId: row.mediumId, mediumLabel: row.mediumLabel, durationMs,
      rows: read.rows + extraRows, rowsRead: read.rowsRead + extraRows,
    });
  } catch (e) {
    const f = toFailure(e);
    const finished = clock.now();
    await db.backupHistory.put({ ...row, finishedAt: finished.toISOString(), durationMs: finished.getTime() - started.getTime(), error: f.reason });
    return fail(f.reason, f.detail);
  }
}

interface LayoutRow {
  id: string;
  fingerprint: string;
  manifestName: string;
  previous: PreviousLayout;
}
/** Row of backupLayouts holding how far the change log was pruned. */
const PRUNED_ID = '#pruned';

/** The medium's previous snapshot as this till wrote it, if HEAD still names it and the log covers it. */
async function loadLayout(db: OrgDatabase, mediumId: string, fingerprint: string, headManifest: string | null): Promise<PreviousLayout | null> {
  const row = (await db.backupLayouts.get(mediumId)) as LayoutRow | undefined;
  const pruned = ((await db.backupLayouts.get(PRUNED_ID))?.through as number | undefined) ?? 0;
  if (!row || row.fingerprint !== fingerprint || row.manifestName !== headManifest || row.previous.seq < pruned) return null;
  return row.previous;
}

/** Remembers this run's packs for the medium, then prunes log rows no medium still needs. */
async function saveLayout(db: OrgDatabase, mediumId: string, fingerprint: string, chunker: PreviousLayout['chunker'], stats: SnapshotStats, seq: number): Promise<void> {
  const row: LayoutRow = { id: mediumId, fingerprint, manifestName: stats.head.manifest.name, previous: { seq, chunker, tables: stats.layout } };
  await db.transaction('rw', db.backupLayouts, db.changeLog, async () => {
    await db.backupLayouts.put({ ...row });
    const seqs = (await db.backupLayouts.toArray()).filter((r) => r.id !== PRUNED_ID).map((r) => (r as unknown as LayoutRow).previous.seq);
    const through = Math.min(...seqs);
    await pruneChanges(db, through);
    await db.backupLayouts.put({ id: PRUNED_ID, through });
  });
}

/** Newest first: the screen's "last backup" is the first row with ok = true. */
export async function listHistory(db: OrgDatabase): Promise<BackupHistoryRow[]> {
  return db.backupHistory.orderBy('startedAt').reverse().toArray();
}

export async function recordVerification(db: OrgDatabase, historyId: string, mode: 'quick' | 'deep'): Promise<void> {
  await db.backupHistory.update(historyId, { verified: mode });
}

export interface VerifyReport {
  mode: 'quick' | 'deep';
  snapshotId: string;
  createdAt: string;
  packs: number;
  bytes: number;
  rows: number | null;
}

/** Quick needs no password (presence, sizes, hashes); deep decrypts and checks every row. */
export async function verifyBackup(
  reader: BackupReader,
  mode: 'quick' | 'deep',
  deps: { codec: PackCodec; secret?: string; onProgress?: OnProgress },
): Promise<Result<VerifyReport>> {
  try {
    const quick = await verifyQuick(reader, deps.onProgress);
    const base = { snapshotId: quick.head.snapshotId, createdAt: quick.head.createdAt, packs: quick.packs, bytes: quick.bytes };
    if (mode === 'quick') return ok({ ...base, mode, rows: null });
    if (deps.secret === undefined && quick.config.encryption !== 'none') return fail('wrong-password', 'password required');
    const staged = await stageBackup(reader, deps.secret ?? '', deps.codec, deps.onProgress);
    return ok({ ...base, mode, rows: totalRows(staged) });
  } catch (e) {
    const f = toFailure(e);
    return fail(f.reason, f.detail);
  }
}

export interface RestorePreview {
  createdAt: string;
  description: string;
  organization: { id: string; name: string };
  stores: { id: string; name: string }[];
  dataSets: DataSetName[];
  /** Labels of extra disk folders in the backup (restored with restoreExtraFolder). */
  extraFolders: string[];
  backupRows: RowCounts;
  localRows: RowCounts;
  /** The verified rows, held in memory until commit. */
  staged: StagedBackup;
}

const isDataSet = (s: string): s is DataSetName => (ALL_DATA_SETS as string[]).includes(s);

/** Decrypts and checks everything, and says what would be replaced. Writes nothing. */
export async function previewRestore(
  reader: BackupReader,
  secret: string,
  target: OrgDatabase,
  deps: { codec: PackCodec; onProgress?: OnProgress },
): Promise<Result<RestorePreview>> {
  try {
    const staged = await stageBackup(reader, secret, deps.codec, deps.onProgress);
    const names = Object.keys(staged.manifest.dataSets).filter((n) => n !== FILES_SET);
    const extraFolders = Object.keys(staged.manifest.dataSets[FILES_SET]?.tables ?? {});
    if (!names.every(isDataSet)) return fail('unsupported-version', 'unknown data set');
    // A backup from a newer schema may hold fields this till cannot index.
    if (staged.manifest.schemaVersion > target.verno) return fail('unsupported-version', 'schema');
    const backupRows: RowCounts = {};
    for (const n of names as DataSetName[]) {
      backupRows[n] = Object.fromEntries(Object.entries(staged.manifest.dataSets[n]!.tables).map(([t, v]) => [t, v.rows]));
    }
    const m = staged.manifest;
    return ok({
      createdAt: m.createdAt, description: m.description, organization: m.organization, stores: m.stores,
      dataSets: names as DataSetName[], extraFolders, backupRows, localRows: await countRows(target, names as DataSetName[]), staged,
    });
  } catch (e) {
    const f = toFailure(e);
    return fail(f.reason, f.detail);
  }
}

/** Writes the previewed data sets (default: all in the backup) in one transaction. */
export async function commitRestore(target: OrgDatabase, preview: RestorePreview, sets?: DataSetName[]): Promise<Result<{ rows: number }>> {
  const chosen = sets ?? preview.dataSets;
  if (!chosen.every((s) => preview.dataSets.includes(s))) return fail('missing-piece', 'data set not in backup');
  try {
    await commitStaged(target, preview.staged, chosen);
    return ok({ rows: chosen.reduce((n, s) => n + Object.values(preview.backupRows[s] ?? {}).reduce((a, b) => a + b, 0), 0) });
  } catch (e) {
    const f = toFailure(e);
    return fail(f.reason, f.detail);
  }
}

function totalRows(s: StagedBackup): number {
  return Object.values(s.dataSets).reduce((n, t) => n + Object.values(t).reduce((a, r) => a + r.length, 0), 0);
}
