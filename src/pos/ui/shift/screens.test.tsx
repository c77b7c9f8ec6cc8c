// @vitest-environment jsdom
// Component tests of the Shift and Refund screens: rights gates and the main flows. Queries go by
// role and accessible name (the English strings of src/pos/i18n/en and src/app/i18n/en).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OrgDatabase } from '../../../db/schema';
import { commitReceipt } from '../../services/sales';
import { freshDb, line, saleDraft, tender } from '../../services/screens.fixtures';
import { openShiftNow } from '../../services/shifts';
import { RefundScreen } from '../receipts/RefundScreen';
import { ShiftScreen } from './ShiftScreen';
import { initScreensI18n, ScreensWrapper } from './screensTesting';

let db: OrgDatabase;
beforeAll(initScreensI18n);
afterEach(async () => {
  cleanup();
  await db?.delete();
});

async function withSale(): Promise<void> {
  const opened = await openShiftNow(db, { operatorId: 'op-1', float: 0, now: '2026-03-02T08:00:00.000Z' });
  if (!opened.ok) throw new Error(opened.reason);
  await commitReceipt(db, saleDraft('sale-1', opened.value.id, [line()], [tender('cash', 300)], '2026-03-02T08:30:00.000Z'), '2026-03-02T08:30:00.000Z');
}

describe('refund screen', () => {
  it('asks a cashier without the refund right for the supervisor PIN at once', async () => {
    db = await freshDb();
    await withSale();
    render(<ScreensWrapper db={db} rights={['sell']}><RefundScreen receiptId="sale-1" /></ScreensWrapper>);
    expect(await screen.findByRole('dialog', { name: 'Supervisor authorisation' })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Refund' })).toBeNull();
  });

  it('lets an operator with the right refund one piece and opens the refund receipt', async () => {
    db = await freshDb();
    await withSale();
    render(<ScreensWrapper db={db} rights={['sell', 'refund']}><RefundScreen receiptId="sale-1" /></ScreensWrapper>);
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: 'One more' }));
    fireEvent.click(screen.getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(window.location.hash).toMatch(/^#\/receipt\//));
    const refunds = await db.receipts.where('refundOf').equals('sale-1').toArray();
    expect(refunds.map((r) => r.total)).toEqual([-150]);
  });
});

describe('shift screen', () => {
  it('opens a shift with the typed float', async () => {
    db = await freshDb();
    render(<ScreensWrapper db={db} rights={['sell']}><ShiftScreen /></ScreensWrapper>);
    fireEvent.change(await screen.findByLabelText('Opening float'), { target: { value: '150,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the shift' }));
    await screen.findByText(/^Shift 1, opened /);
    expect((await db.shifts.toArray()).map((s) => [s.number, s.openingFloat, s.status])).toEqual([[1, 15050, 'open']]);
  });

  it('refuses a float that is not an amount, by reason', async () => {
    db = await freshDb();
    render(<ScreensWrapper db={db} rights={['sell']}><ShiftScreen /></ScreensWrapper>);
    fireEvent.change(await screen.findByLabelText('Opening float'), { target: { value: '12abc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open the shift' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This is not an amount.');
    expect(await db.shifts.count()).toBe(0);
  });

  it('asks for the supervisor PIN before a cashier closes the shift', async () => {
    db = await freshDb();
    await withSale();
    render(<ScreensWrapper db={db} rights={['sell']}><ShiftScreen /></ScreensWrapper>);
    fireEvent.click(await screen.findByRole('button', { name: 'Close the shift' }));
    expect(await screen.findByRole('dialog', { name: 'Supervisor authorisation' })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Close the shift' })).toBeNull();
  });
});
