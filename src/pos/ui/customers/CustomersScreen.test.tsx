// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OrgDatabase } from '../../../db/schema';
import { setSyncStatusFactory } from '../../../sync/ui/syncSession';
import { fakeStatus } from '../../../sync/ui/testing';
import { freshDb } from '../../services/screens.fixtures';
import { initScreensI18n, ScreensWrapper } from '../shift/screensTesting';
import { CustomersScreen } from './CustomersScreen';

let db: OrgDatabase;
beforeAll(initScreensI18n);
beforeEach(() => setSyncStatusFactory(() => fakeStatus().status));
afterEach(async () => {
  cleanup();
  setSyncStatusFactory(null);
  await db?.delete();
});

describe('customers screen', () => {
  it('creates a client offline, finds it and attaches it to the sale', async () => {
    db = await freshDb();
    render(<ScreensWrapper db={db} rights={['sell']}><CustomersScreen /></ScreensWrapper>);
    await screen.findByText('No clients yet. Create one or tap Refresh.');
    fireEvent.click(screen.getByRole('button', { name: 'New client' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: 'Jan Kowalski' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Card number' }), { target: { value: 'K-42' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Jan Kowalski');
    expect(await db.outbox.where('kind').equals('client').count()).toBe(1);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Name, phone or card number' }), { target: { value: 'K-42' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Attach to sale' }));
    await waitFor(() => expect(window.location.hash).toBe('#/sale'));
    const client = await db.clients.where('cardNumber').equals('K-42').first();
    expect((await db.settings.get('pendingClient'))?.value).toBe(client?.id);
  });

  it('shows the reason when the client has no name and keeps the dialog open', async () => {
    db = await freshDb();
    render(<ScreensWrapper db={db} rights={['sell']}><CustomersScreen /></ScreensWrapper>);
    fireEvent.click(await screen.findByRole('button', { name: 'New client' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '   ' } });
    fireEvent.submit(screen.getByRole('textbox', { name: 'Name' }).closest('form') as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the client’s name.');
    expect(await db.clients.count()).toBe(0);
  });
});
