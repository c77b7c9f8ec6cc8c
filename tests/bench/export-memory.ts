// Peak memory of the single-file export (.posbackup) of one organization, in Node
// (fake-indexeddb): `npx tsx --expose-gc tests/bench/export-memory.ts` (EXPORT_ROWS, default
// 100 000 rows: half articles, half receipts). process.memoryUsage() is sampled every 5 ms
// while the export runs; the figures are the peaks above the baseline taken after seeding.
// The file goes to a sink that only counts its bytes (as a file on disk would: it holds none).
// The figure before the streaming zip was taken with this script on the commit that added it.
import 'fake-indexeddb/auto';
import { inlineCodec } from '../../src/backup/format/codec';
import { seedOrg, stepClock } from '../../src/backup/test-fixtures';

const mb = (n: number) => Math.round((n / (1024 * 1024)) * 10) / 10;

async function main(): Promise<void> {
  const { OrgDatabase } = await import('../../src/db/schema');
  const exp = await import('../../src/backup/export');
  const rows = Number(process.env.EXPORT_ROWS ?? 100_000);
  const db = new OrgDatabase(`export-memory-${rows}`);
  await seedOrg(db, { articles: rows / 2, receipts: rows / 2, clients: 0 });
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage();
  const peak = { rss: base.rss, heapUsed: base.heapUsed, arrayBuffers: base.arrayBuffers, sum: base.heapUsed + base.arrayBuffers };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
    peak.sum = Math.max(peak.sum, m.heapUsed + m.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const t = performance.now();
  const orgs = [{ db, organization: { id: 'mem', name: 'Memory' }, stores: [] }];
  const opts = { codec: inlineCodec, clock: stepClock(), password: 'bench password', scryptLogN: 10 };
  let fileBytes = 0;
  // EXPORT_PATH=bytes: the whole file in memory (exportOrganizations, tests); default: streamed.
  const streaming = process.env.EXPORT_PATH !== 'bytes';
  if (streaming) {
    const sink = new WritableStream<Uint8Array>({ write: (c) => { fileBytes += c.length; sample(); } });
    const r = await exp.exportOrganizationsTo(orgs, opts, sink);
    if (!r.ok) throw new Error(JSON.stringify(r));
  } else {
    const r = await exp.exportOrganizations(orgs, opts);
    if (!r.ok) throw new Error(JSON.stringify(r));
    fileBytes = r.value.length;
    sample();
  }
  const ms = performance.now() - t;
  clearInterval(timer);
  sample();
  console.log(JSON.stringify({
    path: streaming ? 'streamed (exportOrganizationsTo)' : 'bytes in memory (exportOrganizations)',
    rows, fileMB: mb(fileBytes), ms: Math.round(ms),
    peakAboveBaselineMB: { heapUsed: mb(peak.heapUsed - base.heapUsed), arrayBuffers: mb(peak.arrayBuffers - base.arrayBuffers), heapPlusArrayBuffers: mb(peak.sum - base.heapUsed - base.arrayBuffers), rss: mb(peak.rss - base.rss) },
    baselineMB: { heapUsed: mb(base.heapUsed), arrayBuffers: mb(base.arrayBuffers), rss: mb(base.rss) },
  }, null, 2));
}

// Exits either way: a failed run would otherwise be kept alive by the sampling timer.
main().then(() => process.exit(0), (e: unknown) => { console.error(e); process.exit(1); });
