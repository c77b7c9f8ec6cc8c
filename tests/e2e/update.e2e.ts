// The service-worker update flow: a new version is announced, never applied while a sale is open,
// and applied (the page reloads under the new worker) once the cashier accepts after the sale.
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newTabletContext, startServer, type RunningServer } from './harness';
import { TillPage } from './pages/TillPage';

describe('app update', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let till: TillPage;
  const dist = mkdtempSync(join(tmpdir(), 'pos-dist-'));

  beforeAll(async () => {
    cpSync('dist', dist, { recursive: true });
    server = await startServer({ DIST_DIR: dist });
    browser = await launchBrowser();
    page = await (await newTabletContext(browser)).newPage();
    till = new TillPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('prompts for a new version, waits for the open sale to end, then reloads under the new worker', async () => {
    await till.open(server.url);
    await till.openDemoShop();
    await till.waitForServiceWorker();
    await till.login('Alice', '1111');
    await page.getByRole('button', { name: 'Bakery' }).click();
    await page.getByTestId('article-tile').first().click();
    await page.getByTestId('cart-line').first().waitFor();

    // A new version is deployed: the worker's bytes change.
    appendFileSync(join(dist, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await page.getByText('A new version of the till is ready.').waitFor({ timeout: 30_000 });
    await page.getByText('It will be offered again when the current sale is finished.').waitFor();
    expect(await page.getByRole('button', { name: 'Update now' }).count()).toBe(0);
    expect(await till.cartLineCount()).toBe(1);

    // The sale ends (here: the line is removed by a supervisor), then the update is applied.
    await page.getByTestId('cart-line').first().getByRole('button').first().click();
    await page.getByRole('button', { name: 'Remove line' }).click();
    await page.locator('[data-testid=supervisor-prompt] input.pin-display').fill('2222');
    await page.locator('[data-testid=supervisor-prompt] input.pin-display').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cart-line]').length === 0);
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Update now' }).click();
    await reloaded;
    await page.getByTestId('operator-name').waitFor();
    const waiting = await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting);
    expect(waiting).toBe(false);
  });
});
