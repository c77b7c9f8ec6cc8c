// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
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
    await waitFor(() => expect(screen.getByTestId('antenna').dataset.state).toBe('local'));
    expect(fake.schedulers).toBe(0);
  });
  it('starts the scheduler once and shows pending rows, never synced', async () => {
    await pairWith(null, db);
    renderIn(<Antenna />);
    await waitFor(() => expect(screen.getByTestId('antenna').dataset.state).toBe('synced'));
    act(() => fake.state$.next({ syncing: false, pending: 2, rejected: 0, offline: false, unpaired: false, allSynced: false }));
    expect(screen.getByTestId('antenna').dataset.state).toBe('pending');
    expect(screen.getByTestId('antenna-pending').textContent).toBe('2');
    expect(fake.schedulers).toBe(1);
  });
  it('explains an offline state on tap and updates now', async () => {
    await pairWith(null, db);
    renderIn(<Antenna />);
    await waitFor(() => expect(screen.getByTestId('antenna').dataset.state).toBe('synced'));
    act(() => fake.state$.next({ syncing: false, pending: 1, rejected: 0, offline: true, unpaired: false, reason: 'offline', allSynced: false }));
    fireEvent.click(screen.getByTestId('antenna'));
    expect(screen.getByTestId('antenna-reason').dataset.reason).toBe('offline');
    fireEvent.click(screen.getByTestId('antenna-update-now'));
    expect(fake.requested).toEqual(['all']);
  });
});

describe('data update screen', () => {
  it('tells a shop without a link that it is not connected', async () => {
    renderIn(<DataUpdateScreen />, 'demo');
    expect(await screen.findByTestId('data-update-not-connected')).toBeTruthy();
  });
  it('shows progress, last sync and errors per tile and syncs a tapped category', async () => {
    await pairWith(null, db);
    renderIn(<DataUpdateScreen />);
    await screen.findByTestId('tile-articles');
    act(() => {
      const next = { ...fake.categories$.value };
      next.articles = { ...next.articles, running: true, done: 3, total: 10 };
      next.clients = { ...next.clients, lastError: 'offline' };
      next.prices = { ...next.prices, lastSyncedAt: '2026-03-01T09:00:00.000Z' };
      fake.categories$.next(next);
    });
    expect(screen.getByTestId('tile-articles').dataset.state).toBe('running');
    expect(screen.getByTestId('tile-articles').querySelector('progress')?.value).toBe(3);
    expect(screen.getByTestId('tile-clients').dataset.state).toBe('error');
    expect(screen.getByTestId('tile-clients-error').dataset.reason).toBe('offline');
    expect(screen.getByTestId('tile-prices').dataset.state).toBe('synced');
    expect(screen.getByTestId('tile-all').dataset.state).toBe('running');
    fireEvent.click(screen.getByTestId('tile-currencies'));
    fireEvent.click(screen.getByTestId('tile-all'));
    expect(fake.requested).toEqual([['currencies'], 'all']);
  });
});

describe('refresh button', () => {
  it('is disabled without a link and syncs its category with one', async () => {
    renderIn(<RefreshButton category="clients" />, 'demo');
    await waitFor(() => expect((screen.getByTestId('refresh-clients') as HTMLButtonElement).disabled).toBe(true));
    cleanup();
    await pairWith(null, db);
    renderIn(<RefreshButton category="clients" />);
    await waitFor(() => expect((screen.getByTestId('refresh-clients') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('refresh-clients'));
    expect(fake.requested).toEqual([['clients']]);
  });
});

describe('notifyOutbox', () => {
  it('does nothing for an organization without a running session', () => {
    expect(() => notifyOutbox('nobody')).not.toThrow();
  });
});
