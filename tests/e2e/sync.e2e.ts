// Issue 4 end to end, against the real back office: pair with a code from the admin API, initial
// sync of 10,000 articles, a price changed in the back office reaches the till through the
// prices tile, 20 sales made offline arrive exactly once, the antenna pulses while syncing, and
// two tabs open on the same till still push each receipt once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startTillSession, type RunningServer, type TillSession } from './harness';
import { TillPage, openShift } from './pages/TillPage';
import { AdminApi } from './admin';
import { pairWithCode } from './pages/flows';
import type { Article, Price, PriceList } from '@model';

const ARTICLES = 10_000;

async function waitFor<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('the till syncs with the back office', () => {
  let session: TillSession;
  let server: RunningServer;
  let admin: AdminApi;
  let context: BrowserContext;
  let page: Page;
  let till: TillPage;
  let article: Article;

  beforeAll(async () => {
    session = await startTillSession({ DEMO_ARTICLES: String(ARTICLES) });
    ({ server, page, context } = session);
    admin = await AdminApi.login(server.url, server.adminPassword);
    till = new TillPage(page);
    article = (await admin.records<Article>('article', '?limit=1&q=')).items[0]!.data;
  });
  afterAll(() => session?.close());

  it('pairs with a code from the back office and pulls 10,000 articles', async () => {
    const code = await admin.syncCode();
    await pairWithCode(till, server.url, code);
    await till.login('Bob', '2222');
    await till.goto('#/data-update');
    const articlesTile = page.getByTestId('tile-articles');
    await articlesTile.waitFor();
    await page.waitForFunction(
      async (n) => {
        const dbs = await indexedDB.databases();
        const name = dbs.map((d) => d.name).find((x) => x?.startsWith('pos-org-'));
        if (!name) return false;
        const db: IDBDatabase = await new Promise((res, rej) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
        const count: number = await new Promise((res) => {
          const r = db.transaction('articles').objectStore('articles').count();
          r.onsuccess = () => res(r.result);
        });
        db.close();
        return count === n;
      },
      ARTICLES,
      { timeout: 120_000, polling: 1000 },
    );
    expect(await articlesTile.getAttribute('data-state')).not.toBe('error');
  });

  it('shows a price changed in the back office after a tap on the prices tile, with the antenna pulsing', async () => {
    const lists = await admin.records<PriceList>('priceList');
    const top = lists.items.map((l) => l.data).sort((a, b) => b.priority - a.priority)[0]!;
    const price: Price = { id: `e2e-${article.id}`, priceListId: top.id, articleId: article.id, amount: 4242, validFrom: null, validTo: null };
    await admin.put('price', price.id, price);

    // Record every state the antenna shows, however briefly, while the tile's sync runs.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { antennaStates: string[] }).antennaStates = seen;
      const antenna = document.querySelector('[data-testid="antenna"]')!;
      seen.push(antenna.getAttribute('data-state') ?? '');
      new MutationObserver(() => seen.push(antenna.getAttribute('data-state') ?? '')).observe(antenna, { attributes: true, attributeFilter: ['data-state'] });
    });
    await page.getByTestId('tile-prices').click();
    await page.waitForFunction(() => (window as unknown as { antennaStates: string[] }).antennaStates.includes('syncing'), undefined, { timeout: 10_000 });
    await page.waitForSelector('[data-testid="tile-prices"]:not([data-state="running"])', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="antenna"]:not([data-state="syncing"])', { timeout: 30_000 });

    await openShift(till, '50');
    await till.scan(article.barcodes[0]!);
    await page.getByTestId('cart-line').first().waitFor();
    expect(await page.getByTestId('cart-total').textContent()).toMatch(/42[.,]42/);
    await page.getByTestId('pay-button').click();
    await page.getByRole('radio', { name: 'Card', exact: true }).click();
    await page.getByTestId('add-tender').click();
    await page.getByTestId('confirm-payment').click();
    await page.getByTestId('receipt-screen').waitFor();
  });

  it('sells 20 times offline; back online the server holds exactly those receipts, once each', async () => {
    await waitFor(() => admin.receipts(), (r) => r.total === 1, 30_000);
    await context.setOffline(true);
    const numbers: string[] = [];
    for (let i = 0; i < 20; i++) {
      await till.newSale();
      await till.sellByScan(article.barcodes[0]!, '100');
      numbers.push(await till.receiptNumber());
    }
    expect(new Set(numbers).size).toBe(20);
    expect(Number(await page.getByTestId('antenna-pending').getAttribute('data-count'))).toBeGreaterThanOrEqual(20);

    // A second tab on the same till while it comes back online: each receipt still arrives once.
    const second = await context.newPage();
    await second.goto(`${server.url}/#/sale`);
    await context.setOffline(false);
    const received = await waitFor(() => admin.receipts(), (r) => r.total >= 21, 90_000);
    expect(received.total).toBeGreaterThanOrEqual(21);
    // The outbox (one database, shared by both tabs) empty: a row leaves it only once the server
    // acknowledged it, so nothing is still on its way and the server's count is final.
    await page.waitForSelector('[data-testid="antenna-pending"][data-count="0"]', { timeout: 30_000, state: 'attached' });
    const final = await admin.receipts();
    expect(final.total).toBe(21);
    const serverNumbers = new Set(final.items.map((r) => r.number));
    for (const n of numbers) expect(serverNumbers.has(n)).toBe(true);
    await second.close();
  });
});
