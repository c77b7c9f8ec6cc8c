// Issue 5, off-site copy end to end against the real back office: a paired tablet sells, then
// backs up to the back office (no folder, no stick); a replacement tablet is paired with a new
// code, finds that copy in the restore wizard, is refused with a wrong password, restores with
// the right one, and then holds the first tablet's data while keeping its own pairing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AdminApi } from './admin';
import { newTabletContext, startTillSession, type TillSession } from './harness';
import { TillPage, openShift } from './pages/TillPage';
import { orgDbNames, pairWithCode, setUpAndRunBackup, settingValue, tableDigest } from './pages/flows';
import { seriousViolations } from './pages/axe';
import type { Article } from '@model';

const PASSWORD = 'off-site horse battery';
// Backup bookkeeping and the sync link are the device's own; the sync cursor state too.
const DEVICE_TABLES = ['backupSettings', 'backupHistory', 'changeLog', 'backupLayouts', 'settings', 'syncState', 'outbox'];

describe('off-site copy on the back office, restored on a replacement tablet', () => {
  let session: TillSession;
  let admin: AdminApi;
  let first: Page;

  beforeAll(async () => {
    session = await startTillSession({}, { bypassCSP: true }); // axe is injected with addScriptTag
    admin = await AdminApi.login(session.server.url, session.server.adminPassword);
    first = session.page;
  });
  afterAll(() => session?.close());

  it('backs up a paired tablet to the back office and restores it on another one with the password', async () => {
    const till = new TillPage(first);
    await pairWithCode(till, session.server.url, await admin.syncCode());
    await till.login('Manager', '9999');
    const article = (await admin.records<Article>('article', '?limit=1')).items[0]!.data;
    await openShift(till, '20');
    await till.sellByScan(article.barcodes[0]!, '100');

    await till.goto('#/backup');
    await first.getByTestId('choose-back-office').click();
    await first.locator('[data-testid=backup-medium][data-medium=back-office]').waitFor();
    await setUpAndRunBackup(first, PASSWORD);
    await first.getByText(/Space used on the back office by this till: [1-9][\d.,]* kB of 2[.,]1 GB/).waitFor();
    const [firstDb] = await orgDbNames(first);

    // The replacement: another browser profile (another device), paired with a new code.
    const context = await newTabletContext(session.browser, 'landscape', { bypassCSP: true });
    const second = await context.newPage();
    const replacement = new TillPage(second);
    await pairWithCode(replacement, session.server.url, await admin.syncCode());
    await replacement.login('Manager', '9999');
    const [secondDb] = await orgDbNames(second);
    const ownLink = (await settingValue(second, secondDb!, 'link')) as { tillId: string };
    expect(ownLink.tillId).not.toBe(((await settingValue(first, firstDb!, 'link')) as { tillId: string }).tillId);

    await replacement.goto('#/restore');
    await second.getByTestId('wizard-next').click();
    await second.getByTestId('restore-offsite-show').click();
    const set = second.locator('[data-testid=restore-offsite-set][data-own=false]');
    await set.waitFor();
    expect(await second.getByTestId('restore-offsite-set').count()).toBe(1);
    expect(await seriousViolations(second)).toEqual([]);
    await set.locator('input').check();
    await second.getByTestId('restore-source-chosen').waitFor();
    await second.getByTestId('wizard-next').click();
    await second.getByTestId('restore-password').fill('not the password');
    await second.getByTestId('restore-check').click();
    await second.locator('[data-testid=backup-error][data-reason=wrong-password]').waitFor({ timeout: 60_000 });
    await second.getByTestId('restore-password').fill(PASSWORD);
    await second.getByTestId('restore-check').click();
    await second.getByTestId('wizard-next').click();
    await second.getByTestId('restore-confirm').click();
    await second.getByTestId('restore-done').waitFor({ timeout: 60_000 });

    // Same data as the first tablet (its sale included), and still paired as itself.
    const a = await tableDigest(first, firstDb!, DEVICE_TABLES);
    const b = await tableDigest(second, secondDb!, DEVICE_TABLES);
    expect(b).toEqual(a);
    expect(a.receipts?.startsWith('1:')).toBe(true);
    expect(((await settingValue(second, secondDb!, 'link')) as { tillId: string }).tillId).toBe(ownLink.tillId);
    await context.close();

    // The back office shows that copy on its Tills page, against the per-till space.
    const adminPage = await session.context.newPage();
    await adminPage.goto(`${session.server.url}/admin/`);
    await adminPage.getByLabel('Admin password').fill(session.server.adminPassword);
    await adminPage.getByRole('button', { name: 'Log in' }).click();
    await adminPage.getByRole('navigation').first().waitFor();
    await adminPage.goto(`${session.server.url}/admin/#/tills`);
    const sets = adminPage.getByRole('table', { name: 'Off-site backups' });
    await sets.waitFor();
    expect(await sets.locator('tbody tr').count()).toBe(1);
    await adminPage.close();
  });
});
