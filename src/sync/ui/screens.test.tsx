// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OrgDatabase, RegistryDatabase } from '../../db/schema';
import { freshDb, pairWith } from '../testing/fixtures';
import { Antenna } from './Antenna';
import { DataUpdateScreen } from './DataUpdateScreen';
import { RefreshButton } from './RefreshButton';
import { notifyOutbox } from './notify';
import { setSyncStatusFactory } from './syncSession';
import { appValue, fakeStatus, initTestI18n, Wrapper, type FakeStatus } from './testing';

let db: OrgDatabase;
let registry: RegistryDatabase;
let fake: FakeStatus;

beforeAll(initTestI18n);
beforeEach(() => {
  db = freshDb();
  registry = new RegistryDatabase(`reg-${Math.random().toString(36).slice(2)}`);
  fake = fakeStatus();
  setSyncStatusFactory(() => fake.status);
});
afterEach(async () => {
  cleanup();
  setSyncStatusFactory(null);
  await db.delete();
  await registry.delete();
});

function renderIn(ui: React.ReactNode, kind: 'demo' | 'paired' = 'paired') {
  return render(<Wrapper value={appValue(db, registry, kind)}>{ui}</Wrapper>);
}

describe('antenna', () => {
  it('shows local and no scheduler for a shop without a link', async () => {
    renderIn(<Antenna />, 'demo');
    await screen.findByRole('button', { name: 'Synchronisation: Not connected (local shop)' }, { timeout: 5_000 });
    expect(fake.schedulers).toBe(0);
  });
  it('starts the scheduler once and shows pending rows, never synced', async () => {
    await pairWith(null, db);
    renderIn(<Antenna />);
    await screen.findByRole('button', { name: 'Synchronisation: All synchronised' });
    act(() => fake.state$.next({ syncing: false, pending: 2, rejected: 0, offline: false, unpaired: false, allSynced: false }));
    const antenna = screen.getByRole('button', { name: 'Synchronisation: Waiting to send' });
    expect(within(antenna).getByText('2')).toBeTruthy();
    expect(fake.schedulers).toBe(1);
  });
  it('explains an offline state on tap and updates now', async () => {
    await pairWith(null, db);
    renderIn(<Antenna />);
    await screen.findByRole('button', { name: 'Synchronisation: All synchronised' });
    act(() => fake.state$.next({ syncing: false, pending: 1, rejected: 0, offline: true, unpaired: false, reason: 'offline', allSynced: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Synchronisation: Offline' }));
    const dialog = screen.getByRole('dialog', { name: 'Synchronisation' });
    expect(within(dialog).getByText('The network is down or the back office cannot be reached.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Update now' }));
    expect(fake.requested).toEqual(['all']);
  });
});

describe('data update screen', () => {
  it('tells a shop without a link that it is not connected', async () => {
    renderIn(<DataUpdateScreen />, 'demo');
    expect(await screen.findByText('This till is not connected to a back office, so there is nothing to update.')).toBeTruthy();
  });
  it('shows progress, last sync and errors per tile and syncs a tapped category', async () => {
    await pairWith(null, db);
    renderIn(<DataUpdateScreen />);
    await screen.findByRole('button', { name: /^articles/ });
    act(() => {
      const next = { ...fake.categories$.value };
      next.articles = { ...next.articles, running: true, done: 3, total: 10 };
      next.clients = { ...next.clients, lastError: 'offline' };
      next.prices = { ...next.prices, lastSyncedAt: '2026-03-01T09:00:00.000Z' };
      fake.categories$.next(next);
    });
    // Each tile is a button named by its category; its state is what it shows (busy, a progress
    // bar, the failure, the last update).
    const tile = (label: string) => screen.getByRole('button', { name: new RegExp(`^${label}`) });
    expect(tile('articles').getAttribute('aria-busy')).toBe('true');
    expect((within(tile('articles')).getByRole('progressbar', { name: 'articles' }) as HTMLProgressElement).value).toBe(3);
    expect(within(tile('clients')).getByText('Failed: The network is down or the back office cannot be reached.')).toBeTruthy();
    expect(within(tile('prices and discounts')).getByText(/^Last update: /)).toBeTruthy();
    expect(tile('All').getAttribute('aria-busy')).toBe('true');
    fireEvent.click(tile('currencies'));
    fireEvent.click(tile('All'));
    expect(fake.requested).toEqual([['currencies'], 'all']);
  });
});

describe('refresh button', () => {
  it('is disabled without a link and syncs its category with one', async () => {
    renderIn(<RefreshButton category="clients" />, 'demo');
    await waitFor(() => expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(true));
    cleanup();
    await pairWith(null, db);
    renderIn(<RefreshButton category="clients" />);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(fake.requested).toEqual([['clients']]);
  });
});

describe('notifyOutbox', () => {
  it('does nothing for an organization without a running session', () => {
    expect(() => notifyOutbox('nobody')).not.toThrow();
  });
});
