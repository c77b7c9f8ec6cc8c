// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { http } from 'msw';
import { openOrgDatabase, RegistryDatabase } from '../../db/schema';
import { API_PREFIX } from '@model';
import { BACK_OFFICE_URL, withTestBackOffice } from '../testing/testBackOffice';
import { ConnectTill } from './ConnectTill';
import { setSyncStatusFactory } from './syncSession';
import { fakeStatus, initTestI18n, type FakeStatus } from './testing';

const fake = withTestBackOffice();
beforeAll(async () => {
  await initTestI18n();
});

let registry: RegistryDatabase;
let status: FakeStatus;
beforeEach(() => {
  // The till pairs with its own origin; forward to the back office.
  fake.server.use(
    http.post(`${location.origin}${API_PREFIX}/pair`, async ({ request }) =>
      fetch(`${BACK_OFFICE_URL}${API_PREFIX}/pair`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: await request.text() }),
    ),
  );
  registry = new RegistryDatabase(`reg-${Math.random().toString(36).slice(2)}`);
  status = fakeStatus();
  setSyncStatusFactory(() => status.status);
});
afterEach(async () => {
  cleanup();
  setSyncStatusFactory(null);
  await registry.delete();
});

function renderConnect(onConnected: (id: string) => Promise<void>) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <ConnectTill registry={registry} clock={{ now: () => new Date('2026-03-01T10:00:00.000Z') }} onConnected={onConnected} onCancel={() => undefined} />
    </QueryClientProvider>,
  );
}

describe('connect the till', () => {
  it('shows the refusal reason for an unknown code and stays on the code form', async () => {
    renderConnect(async () => undefined);
    fireEvent.change(screen.getByRole('textbox', { name: 'Sync code' }), { target: { value: 'WRONG123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    expect((await screen.findByRole('alert')).textContent).toBe('This sync code is not valid. Check it and try again.');
    expect(await registry.organizations.count()).toBe(0);
  });
  it('pairs, starts the first sync, saves the periods and opens the organization', async () => {
    const code = await fake.current.issueCode('GOOD1234');
    const connected: string[] = [];
    renderConnect(async (id) => void connected.push(id));
    fireEvent.change(screen.getByRole('textbox', { name: 'Sync code' }), { target: { value: code.toLowerCase() } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
    await screen.findByText('Connection established');
    expect(status.requested).toEqual(['all']);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Goods (articles, prices)' }), { target: { value: '300' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Employees (rights)' }), { target: { value: 'never' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(connected).toEqual(['org1']));
    const db = openOrgDatabase('org1');
    expect((await db.syncState.get('articles'))?.periodSec).toBe(300);
    expect((await db.syncState.get('prices'))?.periodSec).toBe(300);
    expect((await db.syncState.get('rights'))?.periodSec).toBeNull();
    expect((await registry.organizations.get('org1'))?.kind).toBe('paired');
    await db.delete();
  });
});
