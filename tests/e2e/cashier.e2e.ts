// A supervisor's day at the till in Chromium (demo shop): a weighed article,
// park and resume, basket discount, a customer attached, foreign cash split with cash, the
// shift closed with its Z report, and the language switched to French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTillSession, type RunningServer, type TillSession } from './harness';
import { TillPage, openShift } from './pages/TillPage';
import { DEMO_GROUP_IDS, generateDemoShop } from '@demo';

const catalog = generateDemoShop({ articles: 40 });
const weighed = catalog.articles.find((a) => a.active && a.unit === 'kg')!;
const piece = catalog.articles.find((a) => a.active && a.unit === 'pcs' && a.groupId === DEMO_GROUP_IDS.Dairy)!;
const customer = catalog.clients[0]!.name.split(' ')[0]!;

describe('a day at the till', () => {
  let session: TillSession;
  let server: RunningServer;
  let page: Page;
  let till: TillPage;

  beforeAll(async () => {
    session = await startTillSession();
    ({ server, page } = session);
    till = new TillPage(page);
    await till.open(server.url);
    await till.openDemoShop();
    await till.login('Bob', '2222');
    await openShift(till, '100');
  });
  afterAll(() => session?.close());

  it('sells a weighed article by its decimal quantity', async () => {
    await till.scan(weighed.barcodes[0]!);
    await page.getByTestId('quantity-dialog').waitFor();
    await page.getByTestId('quantity-dialog').locator('input').fill('1,5');
    await page.getByTestId('quantity-dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('cart-line').first().waitFor();
    expect(await page.getByTestId('cart-line').first().textContent()).toMatch(/1\.5 kg/);
  });

  it('parks the sale and resumes it', async () => {
    await till.scan(piece.barcodes[0]!);
    await page.getByTestId('cart-line').nth(1).waitFor();
    await page.getByRole('button', { name: 'Park' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cart-line]').length === 0);
    await page.getByRole('button', { name: 'Parked sales' }).click();
    await page.getByTestId('parked-dialog').getByRole('button', { name: /2 lines/ }).click();
    await page.getByTestId('cart-line').nth(1).waitFor();
    expect(await till.cartLineCount()).toBe(2);
  });

  it('applies a 10 % basket discount and attaches a customer', async () => {
    const before = await page.getByTestId('cart-total').textContent();
    await page.getByRole('button', { name: 'Discount', exact: true }).click();
    await page.getByTestId('discount-dialog').locator('input').fill('10');
    await page.getByTestId('discount-dialog').getByRole('button', { name: 'Confirm' }).click();
    await page.waitForFunction((b) => document.querySelector('[data-testid=cart-total]')?.textContent !== b, before);
    await page.getByText(/Basket discount/).waitFor();

    await page.getByRole('link', { name: 'Attach a customer' }).click();
    await page.getByTestId('client-search').fill(customer);
    await page.getByTestId('client-attach').first().click();
    await page.getByTestId('sale-screen').waitFor();
    await page.getByText(`Customer: ${customer}`).waitFor();
  });

  it('takes foreign cash and base cash for one sale, with the receipt listing both', async () => {
    await page.getByTestId('pay-button').click();
    await page.getByRole('radio', { name: 'Foreign cash' }).click();
    await page.getByTestId('tender-amount').fill('5');
    await page.getByTestId('add-tender').click();
    await page.getByTestId('tender-line').first().waitFor();
    await page.getByRole('radio', { name: 'Cash', exact: true }).click();
    await page.getByTestId('tender-amount').fill('');
    await page.getByTestId('add-tender').click();
    await page.getByTestId('tender-line').nth(1).waitFor();
    await page.getByTestId('confirm-payment').click();
    await page.getByTestId('receipt-screen').waitFor();
    const paper = (await page.getByTestId('receipt-paper').textContent()) ?? '';
    expect(paper).toMatch(/Foreign cash/);
    // 5 złoty at the demo shop's rate 0.2315 = €1.1575 → €1.16 (half away from zero).
    expect(paper).toMatch(/PLN\s?5[.,]00€1[.,]16/);
  });

  it('closes the shift with the counted cash and prints a Z report with no difference', async () => {
    await till.goto('#/shift');
    const expected = (await page.getByTestId('shift-expected').textContent())!.replace(/[^\d.,]/g, '');
    await page.getByTestId('close-shift').click();
    await page.getByTestId('counted-cash').fill(expected);
    await page.getByTestId('close-shift-confirm').click();
    await page.getByTestId('z-report').waitFor();
    expect(await page.getByTestId('report-difference').textContent()).toMatch(/0[.,]00/);
  });

  it('switches to French and shows the seed manuals’ labels', async () => {
    await till.goto('#/settings/language');
    await page.getByRole('radio', { name: 'Français' }).click();
    await page.getByRole('link', { name: 'Mise à jour des données' }).waitFor();
    await page.getByRole('link', { name: 'Sauvegarde journalière' }).waitFor();
  });
});
