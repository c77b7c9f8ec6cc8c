// Backup benchmark: full backup throughput vs the raw compress+encrypt floor of the same
// bytes (same run), incremental backup after a 1% change vs full, and restore throughput.
// The exported functions run in Node (fake-indexeddb, `npx tsx tests/bench/backup-bench.ts`)
// or in Chromium (the lead's bench passes a real OrgDatabase, an OPFS handle and the Worker codec).
import { toArticleRow, type OrgDatabase } from '../../src/db/schema';
import { cutPieces, packPieces, tableChunker } from '../../src/backup/format/chunker';
import { inlineCodec, type PackCodec } from '../../src/backup/format/codec';
import type { BackupDestination } from '../../src/backup/format/types';
import { readDataSets } from '../../src/backup/dexie-source';
import { commitRestore, previewRestore, runBackup } from '../../src/backup/service';
import { loadSettings, setupBackupSet, type BackupSettings } from '../../src/backup/settings';
import { article, receipt, seedOrg, stepClock } from '../../src/backup/test-fixtures';

export interface BackupBenchFigures {
  rows: number;
  rawMB: number;
  readMs: number;
  floorMs: number;
  fullMs: number;
  fullVsFloor: number;
  /** Pack files the full run wrote. */
  fullPacks: number;
  /** The most unsealed pack plaintext the full run held (MB). */
  fullPeakPendingMB: number;
  /** ms spent up to each commit step of the full run (packs-written includes reading rows). */
  fullSteps: Record<string, number>;
  incrementalScatteredMs: number;
  incrementalScatteredVsFull: number;
  incrementalAppendMs: number;
  /** ms up to each commit step of the daily run (packs-written includes the repository checks and reading). */
  incrementalAppendSteps: Record<string, number>;
  incrementalAppendVsFull: number;
  restoreMs: number;
  /** Of which: decrypt, check and parse into memory (the rest is the Dexie transaction). */
  restoreStageMs: number;
  restoreMBps: number;
}

const mb = (n: number) => n / (1024 * 1024);
const clockNow = () => performance.now();

export async function seedBenchOrg(db: OrgDatabase, n = 100_000): Promise<void> {
  await seedOrg(db, { articles: n, receipts: n, clients: 1000 });
}

/**
 * Reads every row and seals exactly the packs a full run writes (each table's pieces, grouped),
 * one after the other: the floor. In a function of its own, so the rows it held are garbage
 * before the full run starts (a live copy of every row would slow the run's collections).
 */
async function measureFloor(db: OrgDatabase, s: BackupSettings, codec: PackCodec): Promise<{ rows: number; rawBytes: number; readMs: number; floorMs: number }> {
  let t = clockNow();
  const tables = await readDataSets(db, s.dataSets, s.includeIndexes);
  const readMs = clockNow() - t;
  const packs = tables.flatMap((tb) => {
    const params = tableChunker(s.set!.chunker, tb.table);
    return packPieces(cutPieces(tb.docs, params), params);
  });
  const rows = tables.reduce((a, tb) => a + tb.docs.length, 0);
  tables.length = 0;
  const rawBytes = packs.reduce((a, p) => a + p.length, 0);
  t = clockNow();
  for (const p of packs) await codec.seal(p, s.compressionLevel, s.set!.recipient);
  return { rows, rawBytes, readMs, floorMs: clockNow() - t };
}

/** Runs the three measurements on a seeded database. `dest()` gives a fresh medium. */
export async function measureBackup(
  db: OrgDatabase,
  dest: () => BackupDestination,
  target: OrgDatabase,
  codec: PackCodec = inlineCodec,
  n = 100_000,
): Promise<BackupBenchFigures> {
  const clock = stepClock();
  await setupBackupSet(db, { password: 'bench password' }, { codec, clock, scryptLogN: 14 });
  const s = await loadSettings(db);
  const extras = { codec, organization: { id: 'bench', name: 'Bench' } };

  const { rows, rawBytes, readMs, floorMs } = await measureFloor(db, s, codec);

  const medium = dest();
  let t = clockNow();
  const fullSteps: Record<string, number> = {};
  let last = t;
  const stepsInto = (into: Record<string, number>) => ({ after: (step: string) => { into[step] = Math.round(clockNow() - last); last = clockNow(); } });
  const timing = stepsInto(fullSteps);
  const full = await runBackup(db, medium, s, clock, undefined, { ...extras, faults: timing });
  const fullMs = clockNow() - t;
  if (!full.ok) throw new Error(`full backup: ${full.reason}`);

  // 1% scattered: every 100th article and every 100th receipt edited.
  const step = 100;
  await db.articles.bulkPut(Array.from({ length: n / step }, (_, i) => toArticleRow(article(i * step, 1), 'erp')));
  await db.receipts.bulkPut(Array.from({ length: n / step }, (_, i) => ({ ...receipt(i * step), change: 1 })));
  t = clockNow();
  const inc = await runBackup(db, medium, s, clock, undefined, extras);
  const incrementalScatteredMs = clockNow() - t;
  if (!inc.ok) throw new Error(`incremental: ${inc.reason}`);

  // 1% as a day brings it: new receipts appended, a handful of price edits.
  await db.receipts.bulkPut(Array.from({ length: (2 * n) / step - 50 }, (_, i) => receipt(n + i)));
  await db.articles.bulkPut(Array.from({ length: 50 }, (_, i) => toArticleRow(article(i * 1999, 2), 'erp')));
  t = clockNow();
  last = t;
  const incrementalAppendSteps: Record<string, number> = {};
  const day = await runBackup(db, medium, s, clock, undefined, { ...extras, faults: stepsInto(incrementalAppendSteps) });
  const incrementalAppendMs = clockNow() - t;
  if (!day.ok) throw new Error(`daily: ${day.reason}`);

  t = clockNow();
  const preview = await previewRestore(medium, 'bench password', target, { codec });
  if (!preview.ok) throw new Error(`restore: ${preview.reason}`);
  const restoreStageMs = clockNow() - t;
  const committed = await commitRestore(target, preview.value);
  const restoreMs = clockNow() - t;
  if (!committed.ok) throw new Error(`restore commit: ${committed.reason}`);

  return {
    rows, rawMB: +mb(rawBytes).toFixed(1), readMs: Math.round(readMs), floorMs: Math.round(floorMs),
    fullMs: Math.round(fullMs), fullSteps, fullPacks: full.value.packsWritten, fullPeakPendingMB: +mb(full.value.peakPendingBytes).toFixed(1), fullVsFloor: +(floorMs / fullMs).toFixed(2),
    incrementalScatteredMs: Math.round(incrementalScatteredMs), incrementalScatteredVsFull: +(incrementalScatteredMs / fullMs).toFixed(2),
    incrementalAppendMs: Math.round(incrementalAppendMs), incrementalAppendSteps, incrementalAppendVsFull: +(incrementalAppendMs / fullMs).toFixed(2),
    restoreMs: Math.round(restoreMs), restoreStageMs: Math.round(restoreStageMs), restoreMBps: +(mb(preview.value.staged.rawBytes) / (restoreMs / 1000)).toFixed(1),
  };
}

/** Browser entry (the Chromium run below bundles this file): real OPFS, real backup Worker. */
export async function browserBench(n: number): Promise<BackupBenchFigures & { seedMs: number }> {
  const { OrgDatabase } = await import('../../src/db/schema');
  const { directoryDestination } = await import('../../src/backup/destinations/directory');
  const { createBrowserCodec } = await import('../../src/backup/worker-client');
  const opfs = (await navigator.storage.getDirectory()) as unknown as import('../../src/backup/destinations/handle').DirectoryHandleLike;
  const run = Math.random().toString(36).slice(2);
  const db = new OrgDatabase(`bench-${run}`);
  const t = clockNow();
  await seedBenchOrg(db, n);
  const seedMs = Math.round(clockNow() - t);
  const stick = await opfs.getDirectoryHandle(`stick-${run}`, { create: true });
  const { codec, dispose } = createBrowserCodec();
  try {
    return { seedMs, ...(await measureBackup(db, () => directoryDestination(stick), new OrgDatabase(`bench-restore-${run}`), codec, n)) };
  } finally {
    dispose();
  }
}

/** Node side of the Chromium run: the shared bench runner bundles this file (its Worker too),
 * serves it on localhost (OPFS needs a secure context) and calls browserBench there. */
export async function runInChromium(n: number): Promise<unknown> {
  const { runBundleInChromium } = await import('./chromium');
  return runBundleInChromium('tests/bench/backup-bench.ts', 'browserBench', n);
}

async function main(): Promise<void> {
  if (typeof indexedDB === 'undefined') {
    // Node: Dexie looked for IndexedDB when it was imported; hand it the in-memory one.
    const fake = await import('fake-indexeddb');
    const { default: Dexie } = await import('dexie');
    Dexie.dependencies.indexedDB = fake.indexedDB;
    Dexie.dependencies.IDBKeyRange = fake.IDBKeyRange;
  }
  const { memoryDestination } = await import('../../src/backup/destinations/memory');
  const { OrgDatabase } = await import('../../src/db/schema');
  const n = Number(process.env.BENCH_ROWS ?? 100_000);
  if (process.argv.includes('--chromium')) {
    console.log(JSON.stringify(await runInChromium(n), null, 2));
    return;
  }
  const db = new OrgDatabase(`bench-${n}`);
  let t = clockNow();
  await seedBenchOrg(db, n);
  console.log(`seeded ${n} articles + ${n} receipts in ${Math.round(clockNow() - t)} ms`);
  t = clockNow();
  const figures = await measureBackup(db, () => memoryDestination(), new OrgDatabase(`bench-restore-${n}`), inlineCodec, n);
  console.log(JSON.stringify(figures, null, 2));
  console.log(`total ${Math.round(clockNow() - t)} ms`);
}

if (typeof process !== 'undefined' && process.argv?.[1]?.endsWith('backup-bench.ts')) main().catch((e: unknown) => { console.error(e); process.exitCode = 1; });
