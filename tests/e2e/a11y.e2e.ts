// Accessibility: axe-core injected into the pages (no serious or critical violations) — the
// welcome, PIN login, sale, tiles, backup, restore and organizations screens, and the admin page
// (dashboard, tills with the off-site backups). The restore wizard's back-office list: offsite.e2e.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTillSession, type RunningServer, type TillSession } from './harness';
import { TillPage, openShift } from './pages/TillPage';
import { seriousViolations } from './pages/axe';

describe('accessibility (axe-core)', () => {
  let session: TillSession;
  let server: RunningServer;
  let page: Page;
  let till: TillPage;

  beforeAll(async () => {
    session = await startTillSession({}, { bypassCSP: true }); // axe is injected with addScriptTag
    ({ server, page } = session);
    till = new TillPage(page);
  });
  afterAll(() => session?.close());

  it('till screens have no serious or critical violations', async () => {
    await till.open(server.url);
    await page.getByRole('button', { name: 'Open the demo shop' }).waitFor();
    const found: Record<string, string[]> = { welcome: await seriousViolations(page) };
    await till.openDemoShop();
    found.login = await seriousViolations(page);
    await till.login('Manager', '9999');
    await openShift(till, '10');
    found.sale = await seriousViolations(page);
    for (const [name, hash, testId] of [
      ['tiles', '#/data-update', 'data-update-not-connected'],
      ['backup', '#/backup', 'backup-screen'],
      ['restore', '#/restore', 'restore-wizard'],
      ['organizations', '#/organizations', 'organizations-screen'],
    ] as const) {
      await till.goto(hash);
      await page.getByTestId(testId).waitFor();
      found[name] = await seriousViolations(page);
    }
    expect(found).toEqual({ welcome: [], login: [], sale: [], tiles: [], backup: [], restore: [], organizations: [] });
  });

  it('the admin page has no serious or critical violations, before and after login', async () => {
    await page.goto(`${server.url}/admin/`);
    await page.getByLabel('Admin password').waitFor();
    const login = await seriousViolations(page);
    await page.getByLabel('Admin password').fill(server.adminPassword);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('navigation').first().waitFor();
    // The dashboard with its data: the last of its cards.
    await page.getByRole('heading', { name: 'Records' }).waitFor();
    const dashboard = await seriousViolations(page);
    await page.goto(`${server.url}/admin/#/tills`);
    await page.getByRole('heading', { name: 'Off-site backups' }).waitFor();
    expect({ login, dashboard, tills: await seriousViolations(page) }).toEqual({ login: [], dashboard: [], tills: [] });
  });
});
