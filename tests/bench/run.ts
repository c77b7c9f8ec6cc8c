// `npm run bench`: every benchmark of the project in one run, printed as figures next to a
// baseline measured in the same run (these machines are noisy; ratios travel, raw ms do not).
import { callBench, loadBundle, runBundleInChromium, stats } from './chromium';
import { AdminApi } from '../e2e/admin';
import type { Price } from '@model';
import type { RxdbFigures } from './rxdb-bench';
import type { TillFigures } from './till-bench';
import { launchBrowser, newTabletContext, startServer } from '../e2e/harness';
import { TillPage } from '../e2e/pages/TillPage';

const N = Number(process.env.BENCH_ARTICLES ?? 100_000);
/** Pull page size of both sync engines (sync-bench.ts's pageLimit). */
const PAGE = 1000;
const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : '∞');
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function tillBench(): Promise<void> {
  const f = await runBundleInChromium<TillFigures>('tests/bench/till-bench.ts', 'browserTillBench', N);
  console.log(`\n## Till (Chromium, ${f.articles} articles; seeded in ${f.seedMs} ms)`);
  console.log(`barcode lookup     p50 ${ms(f.barcode.p50)} p95 ${ms(f.barcode.p95)}   floor raw get p50 ${ms(f.barcodeFloor.p50)} p95 ${ms(f.barcodeFloor.p95)}   ratio p50 ${ratio(f.barcode.p50, f.barcodeFloor.p50)}×`);
  console.log(`name-prefix search p50 ${ms(f.prefix.p50)} p95 ${ms(f.prefix.p95)}   floor raw get p50 ${ms(f.barcodeFloor.p50)}   ratio p50 ${ratio(f.prefix.p50, f.barcodeFloor.p50)}×`);
  console.log(`sale commit        p50 ${ms(f.commit.p50)} p95 ${ms(f.commit.p95)}   floor raw put p50 ${ms(f.commitFloor.p50)} p95 ${ms(f.commitFloor.p95)}   ratio p50 ${ratio(f.commit.p50, f.commitFloor.p50)}×`);
}

async function coldStartBench(): Promise<void> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await newTabletContext(browser, 'landscape', { bypassCSP: true }); // data: module bundles
    const page = await context.newPage();
    const till = new TillPage(page);
    await till.open(server.url);
    await till.openDemoShop();
    await till.waitForServiceWorker();
    await till.login('Alice', '1111');
    await context.setOffline(true);
    const samples: number[] = [];
    const blank: number[] = [];
    for (let i = 0; i < 7; i++) {
      await page.reload();
      await page.getByTestId('sale-screen').waitFor();
      samples.push(await page.evaluate(() => performance.now()));
      // Floor: the same cached document reloaded, up to its first script run.
      await page.goto(`${server.url}/favicon.svg`);
      blank.push(await page.evaluate(() => performance.now()));
      await page.goto(`${server.url}/#/sale`);
      await page.getByTestId('sale-screen').waitFor();
    }
    const s = stats(samples);
    const b = stats(blank);
    console.log(`\n## Cold start offline (service worker cache → sale screen interactive, tablet 1280×800)`);
    console.log(`p50 ${s.p50.toFixed(0)} ms  p95 ${s.p95.toFixed(0)} ms  (goal < 1500 ms)   floor: cached static file p50 ${b.p50.toFixed(0)} ms   ratio ${ratio(s.p50, b.p50)}×`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function syncBench(): Promise<void> {
  // The bench server: the back office plus RxDB's endpoint for the peer run below.
  const server = await startServer({ DEMO_ARTICLES: String(N) }, { entry: 'tests/bench/bench-server.ts' });
  const browser = await launchBrowser();
  try {
    const admin = await AdminApi.login(server.url, server.adminPassword);
    const page = await browser.newPage({ bypassCSP: true }); // the bundle is a data: module
    await page.goto(`${server.url}/favicon.svg`);
    await loadBundle(page, 'tests/bench/sync-bench.ts');
    const cold = await callBench<{ rows: number; coldMs: number; floorMs: number }>(page, 'browserColdSync', await admin.syncCode());
    // Peer (issue 6): RxDB's replication of the same catalog from the same server, before the
    // price changes below, in a new browser context (its own empty IndexedDB).
    const peerContext = await browser.newContext({ bypassCSP: true });
    const peerPage = await peerContext.newPage();
    await peerPage.goto(`${server.url}/favicon.svg`);
    await loadBundle(peerPage, 'tests/bench/rxdb-bench.ts');
    const rx = await callBench<RxdbFigures>(peerPage, 'browserRxdbColdSync', { code: await admin.syncCode(), batchSize: PAGE });
    await peerContext.close();
    const prices = (await admin.records<Price>('price', '?limit=1000')).items.map((p) => p.data);
    let changed = 0;
    for (let round = 0; changed < 1000 && prices.length > 0; round++) {
      for (const p of prices) {
        if (changed >= 1000) break;
        await admin.put('price', p.id, { ...p, amount: p.amount + 1 + round });
        changed++;
      }
    }
    const delta = await callBench<{ deltaMs: number }>(page, 'browserDeltaPrices', null);
    console.log(`\n## Sync (Chromium against the real back office on PGlite, ${N} articles)`);
    console.log(`cold sync articles+prices: ${cold.rows} rows in ${cold.coldMs.toFixed(0)} ms   floor raw Dexie bulkPut of the same rows ${cold.floorMs.toFixed(0)} ms   ratio ${ratio(cold.coldMs, cold.floorMs)}× (goal ≤ 1.5×)`);
    console.log(`delta sync of ${changed} changed prices: ${delta.deltaMs.toFixed(0)} ms (goal ≤ 1000 ms)`);
    const sec = (x: number) => `${(x / 1000).toFixed(1)} s`;
    console.log(`peer: ours ${sec(cold.coldMs)} / RxDB ${sec(rx.ms)} = ${(cold.coldMs / rx.ms).toFixed(2)}× (goal ≤ 0.5×); floor bulkPut ${sec(cold.floorMs)}   [pages of ${rx.batchSize}; rows ours ${cold.rows}, RxDB ${rx.rows} ${JSON.stringify(rx.counts)}${rx.rows === cold.rows ? '' : ' MISMATCH'}]`);
    if (rx.rows !== cold.rows) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  if (want('till')) await tillBench();
  if (want('coldstart')) await coldStartBench();
  if (want('sync')) await syncBench();
  if (want('server')) {
    const { runServerBench } = await import('./server-bench');
    console.log('\n## Back office (pull and push throughput)');
    for (const line of await runServerBench()) console.log(line);
  }
  if (want('backup')) {
    const { runInChromium } = await import('./backup-bench');
    console.log('\n## Backup (Chromium, OPFS, backup Worker)');
    console.log(JSON.stringify(await runInChromium(N), null, 2));
  }
  if (want('audit')) {
    const { runAudit, formatAudit } = await import('./lighthouse');
    console.log('\n## Audit (Lighthouse 12 on the till, and the installable-PWA checks through CDP)');
    const audit = await runAudit();
    for (const line of formatAudit(audit)) console.log(line);
    if (audit.pwa.some((c) => !c.ok)) process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
