// Issue 2 end to end, in Debian's headless Chromium against the real back office serving the
// built till: PIN login, wedge scan, cash with change, receipt; offline reload and sell again;
// a cashier without the refund right is asked for a supervisor PIN.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTillSession, type RunningServer, type TillSession } from './harness';
import { TillPage, openShift } from './pages/TillPage';
import { generateDemoShop } from '@demo';

// The till's demo shop is the shared generator's (seed 42): the same first articles.
const sellable = generateDemoShop({ articles: 20 }).articles.filter((a) => a.active && a.unit === 'pcs');
const baguette = sellable[0]!; // a piece article (with an automatic "1 € off from 3")
const dairy = sellable[1]!;

describe('the till sells offline', () => {
  let session: TillSession;
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let till: TillPage;

  beforeAll(async () => {
    session = await startTillSession();
    ({ server, page, context } = session);
    till = new TillPage(page);
  });
  afterAll(() => session?.close());

  it('logs in with a PIN, scans with the keyboard, pays cash with change and shows the receipt', async () => {
    await till.open(server.url);
    await till.openDemoShop();
    await till.waitForServiceWorker();
    await till.login('Alice', '1111');
    await openShift(till, '100');

    await till.scan(baguette.barcodes[0]!);
    await till.scan(dairy.barcodes[0]!);
    await till.scan(dairy.barcodes[0]!);
    await page.getByTestId('cart-line').nth(1).waitFor();
    expect(await till.cartLineCount()).toBe(2);
    const { change } = await till.payCash('100');
    expect(change).toMatch(/\d/);
    expect(change).not.toMatch(/0[.,]00/);
    expect(await till.receiptNumber()).toBe('D1-000001');
    const total = await page.getByTestId('receipt-total').textContent();
    expect(total).toMatch(/€/);
  });

  it('reloads offline from the service worker cache and sells again; the first receipt is still there', async () => {
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('operator-name').waitFor({ timeout: 15_000 });
    await till.goto('#/sale');
    await page.getByTestId('sale-screen').waitFor();
    await till.sellByScan(dairy.barcodes[0]!, '50');
    expect(await till.receiptNumber()).toBe('D1-000002');

    await till.goto('#/receipts');
    await page.getByText('D1-000001').first().waitFor();
    await page.getByText('D1-000002').first().waitFor();
    const outbox = await page.evaluate(async () => {
      const req = indexedDB.open('pos-org-demo');
      const db: IDBDatabase = await new Promise((res, rej) => {
        req.onsuccess = () => res(req.result);
        req.onerror = () => rej(req.error);
      });
      const count: number = await new Promise((res) => {
        const r = db.transaction('outbox').objectStore('outbox').count();
        r.onsuccess = () => res(r.result);
      });
      db.close();
      return count;
    });
    expect(outbox).toBeGreaterThanOrEqual(2); // the demo shop is not paired: receipts wait in the outbox
  });

  it('asks a cashier without the refund right for a supervisor PIN', async () => {
    await till.goto('#/receipts');
    await page.getByText('D1-000001').first().click();
    await page.getByTestId('receipt-screen').waitFor();
    await page.getByTestId('refund-button').click();
    await page.getByTestId('supervisor-prompt').waitFor();
    await page.locator('[data-testid=supervisor-prompt] input.pin-display').fill('1111');
    await page.locator('[data-testid=supervisor-prompt] input.pin-display').press('Enter');
    await page.getByTestId('supervisor-prompt').getByRole('alert').waitFor();
    await page.locator('[data-testid=supervisor-prompt] input.pin-display').fill('2222');
    await page.locator('[data-testid=supervisor-prompt] input.pin-display').press('Enter');
    await page.getByTestId('supervisor-prompt').waitFor({ state: 'detached' });
    await context.setOffline(false);
  });
});
