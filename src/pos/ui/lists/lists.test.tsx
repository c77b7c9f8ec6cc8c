// @vitest-environment jsdom
// Component tests of the Receipts and Lists screens: newest-first receipts, open by number,
// paged articles with the empty and search states.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { toArticleRow, type OrgDatabase } from '../../../db/schema';
import { setSyncStatusFactory } from '../../../sync/ui/syncSession';
import { fakeStatus } from '../../../sync/ui/testing';
import { commitReceipt } from '../../services/sales';
import { freshDb, line, saleDraft, tender } from '../../services/screens.fixtures';
import { openShiftNow } from '../../services/shifts';
import { ReceiptsScreen } from '../receipts/ReceiptsScreen';
import { initScreensI18n, ScreensWrapper } from '../shift/screensTesting';
import { ListsScreen } from './ListsScreen';

let db: OrgDatabase;
// Queries go by role and accessible name (the English strings of src/pos/i18n/en); each screen
// shows one table.
const bodyRows = (table: HTMLElement) => within(within(table).getAllByRole('rowgroup')[1]!).getAllByRole('row');
beforeAll(initScreensI18n);
beforeEach(() => setSyncStatusFactory(() => fakeStatus().status));
afterEach(async () => {
  cleanup();
  setSyncStatusFactory(null);
  await db?.delete();
});

describe('receipts screen', () => {
  it('lists receipts newest first and opens the one typed in the search box', async () => {
    db = await freshDb();
    const opened = await openShiftNow(db, { operatorId: 'op-1', float: 0, now: '2026-03-02T08:00:00.000Z' });
    if (!opened.ok) throw new Error(opened.reason);
    for (const id of ['r1', 'r2', 'r3']) await commitReceipt(db, saleDraft(id, opened.value.id, [line()], [tender('card', 300)], '2026-03-02T08:30:00.000Z'), '2026-03-02T08:30:00.000Z');
    render(<ScreensWrapper db={db} rights={['sell']}><ReceiptsScreen /></ScreensWrapper>);
    const table = await screen.findByRole('table');
    expect(bodyRows(table).map((r) => within(r).getByRole('link').textContent)).toEqual(['T1-000003', 'T1-000002', 'T1-000001']);
    const search = screen.getByRole('searchbox', { name: 'Receipt number, or scan the receipt' });
    fireEvent.change(search, { target: { value: 'R:T1-000002' } });
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(window.location.hash).toBe('#/receipt/r2'));
  });
});

describe('lists screen', () => {
  it('says what to do when there are no articles', async () => {
    db = await freshDb();
    render(<ScreensWrapper db={db} rights={['sell']}><ListsScreen list="articles" /></ScreensWrapper>);
    expect(await screen.findByText('No articles yet. Tap Refresh to fetch them from the back office.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('pages articles 100 at a time and narrows by search', async () => {
    db = await freshDb();
    await db.articles.bulkPut(
      Array.from({ length: 150 }, (_, i) =>
        toArticleRow({ id: `a${i}`, sku: `S${i}`, name: `Item ${String(i).padStart(3, '0')}`, groupId: null, barcodes: [], unit: 'pcs', vatRate: 2000, price: 100, active: true }, 'erp'),
      ),
    );
    render(<ScreensWrapper db={db} rights={['sell']}><ListsScreen list="articles" /></ScreensWrapper>);
    expect(bodyRows(await screen.findByRole('table'))).toHaveLength(100);
    fireEvent.click(screen.getByRole('button', { name: 'Next ›' }));
    // Role queries over a 100-row table are slow in jsdom: a longer wait, not a looser check.
    await waitFor(() => expect(bodyRows(screen.getByRole('table'))).toHaveLength(50), { timeout: 5_000 });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Name, SKU or barcode' }), { target: { value: 'item 042' } });
    await waitFor(() => expect(bodyRows(screen.getByRole('table'))).toHaveLength(1), { timeout: 5_000 });
    expect(within(bodyRows(screen.getByRole('table'))[0]!).getAllByRole('cell')[0]?.textContent?.trim()).toBe('Item 042');
  });
});
