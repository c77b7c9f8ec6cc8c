// Chaos suite, backup (issue 6): a daily backup to a folder (OPFS, through the same directory
// handle API a USB stick uses) is killed at every commit step: the run is
// parked at the step by the service's fault hook and the renderer is crashed (CDP Page.crash), so
// nothing after the step runs, no cleanup, no close. Then, in a new tab, the medium must deep-verify
// and restore: the previous backup when the crash came before the new HEAD was written, the new
// one after; and the next daily run on the same medium must succeed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTillSession, type TillSession } from '../e2e/harness';
import { TillPage, openShift } from '../e2e/pages/TillPage';
import { COMMIT_STEPS, type CommitStep } from '../../src/backup/format/types';
import { PageBundle } from './inject';
import type { SellResult } from './tillBundle';

const log = (line: string) => console.log(`[chaos backup ${new Date().toISOString().slice(11, 19)}] ${line}`);
const PASSWORD = 'chaos battery staple';
const STICK = 'chaos-stick';
/** Steps after which the new HEAD is on the medium: a crash there leaves the new backup. */
const AFTER_HEAD: readonly CommitStep[] = ['head-written', 'gc-done'];

describe('chaos: a backup killed at every commit step', () => {
  let session: TillSession;
  let context: BrowserContext;
  let page: Page;
  let backups: PageBundle;
  let till: PageBundle;
  let dbName: string;

  beforeAll(async () => {
    [session, backups, till] = await Promise.all([startTillSession({}, { bypassCSP: true }), PageBundle.build('tests/chaos/backupBundle.ts'), PageBundle.build('tests/chaos/tillBundle.ts')]);
    ({ context, page } = session);
    const t = new TillPage(page);
    await t.open(session.server.url);
    await t.openDemoShop();
    await t.login('Manager', '9999');
    await openShift(t, '50');
    dbName = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').find((n) => n.startsWith('pos-org-')) ?? '');
    expect(dbName).not.toBe('');
  });
  afterAll(() => session?.close());

  async function freshTab(): Promise<Page> {
    const p = await context.newPage();
    await p.goto(session.server.url);
    return p;
  }

  it('leaves a medium that verifies and restores, whichever step the crash hits', async () => {
    await backups.call(page, 'setup', { dbName, password: PASSWORD });
    let previous = await backups.call<{ snapshotId: string }>(page, 'backup', { dbName, stickName: STICK });
    let previousReceipts = await backups.call<string[]>(page, 'receiptIds', { dbName });
    const covered: string[] = [];

    for (const [k, step] of COMMIT_STEPS.entries()) {
      // Something new to back up: one more sale.
      const sold = await till.call<SellResult>(page, 'sell', { dbName, count: 1, seed: k + 1 });
      expect(sold.failures).toEqual([]);
      const receiptsNow = await backups.call<string[]>(page, 'receiptIds', { dbName });

      // Run the daily backup and crash the renderer when it reaches the step.
      void backups.call(page, 'backup', { dbName, stickName: STICK, parkAt: step }).catch(() => undefined);
      await page.waitForFunction((s) => window.chaosBackupParkedAt === s, step, { timeout: 60_000 });
      log(`parked at ${step}: crashing the tab`);
      const cdp = await context.newCDPSession(page);
      const crashed = new Promise((r) => page.once('crash', r));
      // No answer comes back from a crashed renderer: do not wait for one.
      void cdp.send('Page.crash').catch(() => undefined);
      expect(await Promise.race([crashed.then(() => true), new Promise((r) => setTimeout(() => r(false), 15_000))])).toBe(true);
      void page.close().catch(() => undefined);
      log(`crashed at ${step}`);

      // A new tab: the medium holds a complete backup, old or new, never a mix.
      page = await freshTab();
      const restored = await backups.call<{ snapshotId: string; rows: number; receipts: string[] }>(page, 'verifyAndRestore', {
        stickName: STICK,
        password: PASSWORD,
        targetDbName: `pos-org-chaos-restore-${k}`,
      });
      if (AFTER_HEAD.includes(step)) {
        expect(restored.snapshotId).not.toBe(previous.snapshotId);
        expect(restored.receipts).toEqual(receiptsNow);
      } else {
        expect(restored.snapshotId).toBe(previous.snapshotId);
        expect(restored.receipts).toEqual(previousReceipts);
      }
      expect(restored.rows).toBeGreaterThan(0);

      // The next daily run on the same medium succeeds and becomes the one to restore.
      previous = await backups.call<{ snapshotId: string }>(page, 'backup', { dbName, stickName: STICK });
      previousReceipts = receiptsNow;
      covered.push(`${step}→${AFTER_HEAD.includes(step) ? 'new' : 'previous'}`);
    }
    const last = await backups.call<{ snapshotId: string; receipts: string[] }>(page, 'verifyAndRestore', { stickName: STICK, password: PASSWORD, targetDbName: 'pos-org-chaos-restore-last' });
    expect(last.snapshotId).toBe(previous.snapshotId);
    expect(last.receipts).toEqual(previousReceipts);
    console.log(`[chaos backup] crashed at ${covered.length} commit steps, each restored: ${covered.join(', ')}`);
    expect(covered).toHaveLength(COMMIT_STEPS.length);
  });
});
