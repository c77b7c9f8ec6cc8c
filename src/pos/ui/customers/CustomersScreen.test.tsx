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
    await screen.findByTestId('list-empty');
    fireEvent.click(screen.getByTestId('client-new'));
    fireEvent.change(screen.getByTestId('client-name'), { target: { value: 'Jan Kowalski' } });
    fireEvent.change(screen.getByTestId('client-cardNumber'), { target: { value: 'K-42' } });
    fireEvent.click(screen.getByTestId('client-save'));
    await screen.findByText('Jan Kowalski');
    expect(await db.outbox.where('kind').equals('client').count()).toBe(1);

    fireEvent.change(screen.getByTestId('client-search'), { target: { value: 'K-42' } });
    fireEvent.click(await screen.findByTestId('client-attach'));
    await waitFor(() => expect(window.location.hash).toBe('#/sale'));
    const client = await db.clients.where('cardNumber').equals('K-42').first();
    expect((await db.settings.get('pendingClient'))?.value).toBe(client?.id);
  });

  it('shows the reason when the client has no name and keeps the dialog open', async () => {
    db = await freshDb();
    render(<ScreensWrapper db={db} rights={['sell']}><CustomersScreen /></ScreensWrapper>);
    fireEvent.click(await screen.findByTestId('client-new'));
    fireEvent.change(screen.getByTestId('client-name'), { target: { value: '   ' } });
    fireEvent.submit(screen.getByTestId('client-name').closest('form') as HTMLFormElement);
    expect((await screen.findByTestId('client-error')).dataset.reason).toBe('invalid-name');
    expect(await db.clients.count()).toBe(0);
  });
});
