// The built till and admin page run under their Content-Security-Policy (server/http/staticRoutes.ts):
// no `securitypolicyviolation` event and no CSP console error while the till opens the demo shop,
// logs in, opens a shift and visits its screens, and the admin page logs in and shows its sections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTillSession, type RunningServer, type TillSession } from './harness';
import { TillPage, openShift } from './pages/TillPage';

/** Collects CSP violations: the page's own events (registered before any script runs) and console errors. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return async () => [...console, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

describe('content security policy', () => {
  let session: TillSession;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    session = await startTillSession();
    ({ server, page } = session);
  });
  afterAll(() => session?.close());

  it('the till runs without violations', async () => {
    const violations = await watchCsp(page);
    const res = await page.goto(server.url);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const till = new TillPage(page);
    await page.getByRole('button', { name: 'Open the demo shop' }).waitFor();
    await till.openDemoShop();
    await till.login('Manager', '9999');
    await openShift(till, '10');
    for (const [hash, testId] of [
      ['#/data-update', 'data-update-not-connected'],
      ['#/backup', 'backup-screen'],
      ['#/organizations', 'organizations-screen'],
    ] as const) {
      await till.goto(hash);
      await page.getByTestId(testId).waitFor();
    }
    expect(await violations()).toEqual([]);
  });

  it('the admin page runs without violations', async () => {
    const admin = await session.context.newPage();
    const violations = await watchCsp(admin);
    const res = await admin.goto(`${server.url}/admin/`);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await admin.getByLabel('Admin password').fill(server.adminPassword);
    await admin.getByRole('button', { name: 'Log in' }).click();
    await admin.getByRole('navigation').first().waitFor();
    for (const [hash, heading] of [
      ['#/tills', 'Tills'],
      ['#/security', 'Password & sessions'],
    ] as const) {
      await admin.goto(`${server.url}/admin/${hash}`);
      await admin.getByRole('heading', { name: heading, level: 1 }).waitFor();
    }
    expect(await violations()).toEqual([]);
  });
});
