// @vitest-environment jsdom
// The pay screen's Confirm: a sale is recorded once and the cart cleared with it; a failure the
// storage layer does not classify (a bug) still says nothing was recorded and lets the cashier
// try again instead of leaving Confirm disabled.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OrgDatabase } from '../../../db/schema';
import { addArticle, emptyCart } from '../../domain';
import { freshDb } from '../../services/screens.fixtures';
import { openShiftNow } from '../../services/shifts';
import { writeCurrentCart } from '../sale/currentSale';
import { initScreensI18n, ScreensWrapper } from '../shift/screensTesting';
import { PayScreen } from './PayScreen';

let db: OrgDatabase;
beforeAll(initScreensI18n);
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db?.delete();
});

async function saleOfOneApple(): Promise<void> {
  window.location.hash = '#/pay';
  db = await freshDb();
  const opened = await openShiftNow(db, { operatorId: 'op-1', float: 0, now: '2026-03-02T08:00:00.000Z' });
  if (!opened.ok) throw new Error(opened.reason);
  const cart = addArticle(emptyCart(), { id: 'a1', sku: 'A1', name: 'Apple', unit: 'pcs', groupId: null, vatRate: 2000, active: true }, 150);
  if (!cart.ok) throw new Error(cart.reason);
  await writeCurrentCart(db, cart.value);
}

async function payCashAndConfirm(): Promise<void> {
  fireEvent.change(await screen.findByRole('textbox', { name: 'Amount' }), { target: { value: '2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Add' }));
  await waitFor(() => expect((screen.getByRole('button', { name: 'Confirm payment' }) as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(screen.getByRole('button', { name: 'Confirm payment' }));
}

describe('pay screen', () => {
  it('records the sale once and clears the cart in the same transaction', async () => {
    await saleOfOneApple();
    render(<ScreensWrapper db={db} rights={['sell']}><PayScreen /></ScreensWrapper>);
    await payCashAndConfirm();
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/receipt\//));
    expect((await db.receipts.toArray()).map((r) => [r.total, r.change])).toEqual([[150, 50]]);
    expect(((await db.settings.get('currentSale'))?.value as { lines: unknown[] }).lines).toEqual([]);
  });

  it('an unexpected failure says nothing was recorded and Confirm works again', async () => {
    await saleOfOneApple();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let failures = 1;
    db.receipts.hook('creating', () => {
      if (failures-- > 0) throw new Error('a bug in a hook');
    });
    render(<ScreensWrapper db={db} rights={['sell']}><PayScreen /></ScreensWrapper>);
    await payCashAndConfirm();
    expect(await screen.findByText('The sale could not be saved: nothing was recorded. Try again.')).toBeTruthy();
    expect(await db.receipts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Confirm payment' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm payment' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/receipt\//));
    expect(await db.receipts.count()).toBe(1);
  });
});
