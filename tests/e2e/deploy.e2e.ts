// The shop-LAN deploy recipe end to end (docs/deploy.md, deploy/Caddyfile.lan): Caddy terminates
// HTTPS with its local CA in front of the real back office on loopback; a tablet that trusts the
// CA opens the till by name, its service worker controls the page, it pairs, sells, reloads
// offline and sells again, and both sales reach the server. A tablet that does not trust the CA
// cannot open the till at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from './harness';
import { startCaddy, launchTabletTrusting, type RunningCaddy } from './caddy';
import { TillPage, openShift } from './pages/TillPage';
import { AdminApi } from './admin';
import { pairWithCode } from './pages/flows';
import type { Article } from '@model';

const HOST = 'caisse.boutique.test';

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 300));
  }
}

describe('a tablet on the shop LAN, through Caddy with its local CA', () => {
  let server: RunningServer;
  let caddy: RunningCaddy;
  let tablet: Awaited<ReturnType<typeof launchTabletTrusting>>;
  let context: BrowserContext;
  let page: Page;
  let till: TillPage;
  let admin: AdminApi;

  beforeAll(async () => {
    server = await startServer({ TRUST_PROXY: '127.0.0.1' });
    caddy = await startCaddy({ caddyfile: 'deploy/Caddyfile.lan', host: HOST, upstreams: [`127.0.0.1:${server.port}`] });
    tablet = await launchTabletTrusting(HOST, caddy.rootCa);
    context = await tablet.browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true, locale: 'en-GB', serviceWorkers: 'allow' });
    page = await context.newPage();
    till = new TillPage(page);
    admin = await AdminApi.login(server.url, server.adminPassword);
  });
  afterAll(async () => {
    await tablet?.close();
    await caddy?.stop();
    await server?.stop();
  });

  it('refuses the till to a tablet that does not trust the shop CA', async () => {
    const stranger = await launchTabletTrusting(HOST, null);
    try {
      const p = await stranger.browser.newPage();
      const error = await p.goto(`${caddy.url}/`).then(
        () => null,
        (e: Error) => e.message,
      );
      expect(error).toMatch(/ERR_CERT_AUTHORITY_INVALID/);
    } finally {
      await stranger.close();
    }
  });

  it('pairs over HTTPS; the service worker controls the page; a sale reaches the server', async () => {
    const code = await admin.syncCode();
    await pairWithCode(till, caddy.url, code);
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, protocol: location.protocol, controlled: !!navigator.serviceWorker.controller }))).toEqual({
      secure: true,
      protocol: 'https:',
      controlled: true,
    });
    await till.login('Bob', '2222');
    await openShift(till, '50');
    const article = (await admin.records<Article>('article', '?limit=1')).items[0]!.data;
    await till.sellByScan(article.barcodes[0]!, '100');
    const first = await till.receiptNumber();
    const received = await until(() => admin.receipts(), (r) => r.items.some((x) => x.number === first), 60_000);
    expect(received.items.map((r) => r.number)).toContain(first);
  });

  it('reloads offline from the service worker, sells again, and the sale arrives once back online', async () => {
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('operator-name').waitFor({ timeout: 15_000 });
    await till.goto('#/sale');
    await page.getByTestId('sale-screen').waitFor();
    const article = (await admin.records<Article>('article', '?limit=1')).items[0]!.data;
    await till.sellByScan(article.barcodes[0]!, '100');
    const second = await till.receiptNumber();
    await context.setOffline(false);
    const received = await until(() => admin.receipts(), (r) => r.items.some((x) => x.number === second), 90_000);
    expect(received.items.filter((r) => r.number === second)).toHaveLength(1);
    expect(received.total).toBe(2);
  });
});
