// Page model of the till for end-to-end tests: the steps a cashier takes, in the till's words.
import type { Page } from 'playwright-core';

export class TillPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  /** Waits until the service worker is activated and controls the page, so offline reloads come
   * from its cache. A page loaded before activation is only controlled after a reload. */
  async waitForServiceWorker(): Promise<void> {
    await this.page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated', undefined, { timeout: 60_000 });
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await this.page.evaluate(() => !!navigator.serviceWorker.controller)) return;
      await this.page.reload();
      await this.page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 15_000 }).catch(() => undefined);
    }
    throw new Error('the service worker never controlled the page');
  }

  async openDemoShop(): Promise<void> {
    await this.page.getByRole('button', { name: 'Open the demo shop' }).click();
    await this.page.getByRole('radiogroup', { name: 'Operator' }).waitFor();
  }

  async login(operator: string, pin: string): Promise<void> {
    await this.page.getByRole('radio', { name: operator }).click();
    const field = this.page.locator('input.pin-display');
    await field.fill(pin);
    await field.press('Enter');
    await this.page.getByTestId('operator-name').waitFor();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock' }).click();
  }

  async goto(hash: string): Promise<void> {
    await this.page.evaluate((h) => (window.location.hash = h), hash);
  }

  /** Types a barcode like a keyboard-wedge scanner: fast keys then Enter, no field focused. */
  async scan(code: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.type(code, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  async cartLineCount(): Promise<number> {
    return this.page.getByTestId('cart-line').count();
  }

  async payCash(amountText: string): Promise<{ change: string }> {
    await this.page.getByTestId('pay-button').click();
    await this.page.getByTestId('pay-screen').waitFor();
    await this.page.getByRole('radio', { name: 'Cash', exact: true }).click();
    await this.page.getByTestId('tender-amount').fill(amountText);
    await this.page.getByTestId('add-tender').click();
    const change = (await this.page.getByTestId('change-due').textContent()) ?? '';
    await this.page.getByTestId('confirm-payment').click();
    await this.page.getByTestId('receipt-screen').waitFor();
    return { change };
  }

  /** One sale: scan the barcode, wait for its cart line, pay cash. */
  async sellByScan(barcode: string, cashText: string): Promise<{ change: string }> {
    await this.scan(barcode);
    await this.page.getByTestId('cart-line').first().waitFor();
    return this.payCash(cashText);
  }

  async receiptNumber(): Promise<string> {
    return (await this.page.getByTestId('receipt-number').textContent()) ?? '';
  }

  async newSale(): Promise<void> {
    await this.page.getByTestId('new-sale').click();
    await this.page.getByTestId('sale-screen').waitFor();
  }
}

export async function openShift(till: TillPage, float: string): Promise<void> {
  await till.goto('#/shift');
  await till.page.getByTestId('float-input').fill(float);
  await till.page.getByTestId('open-shift').click();
  await till.page.getByTestId('shift-open').waitFor();
  await till.goto('#/sale');
  await till.page.getByTestId('sale-screen').waitFor();
}
