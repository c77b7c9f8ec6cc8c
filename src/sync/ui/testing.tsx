// Test helpers for the sync screens (jsdom): i18next with the sync strings, an AppContext over a
// fresh organization database, and a fake sync status whose streams the test drives.
import type { ReactNode } from 'react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { BehaviorSubject, EMPTY } from 'rxjs';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AppContext, type AppContextValue } from '../../ui/AppContext';
import { OrgDatabase, RegistryDatabase } from '../../db/schema';
import { CATEGORIES, type Category } from '@model';
import type { AntennaState, CategoryStatus, SyncStatus } from '../status';
import type { SyncTarget } from '../host/messages';
import { en } from '../i18n/en';

export async function initTestI18n(): Promise<void> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({ resources: { en: { translation: { sync: en, common: { close: 'Close' } } } }, lng: 'en', interpolation: { escapeValue: false } });
  }
}

export interface FakeStatus {
  status: SyncStatus;
  state$: BehaviorSubject<AntennaState>;
  categories$: BehaviorSubject<Record<Category, CategoryStatus>>;
  requested: SyncTarget[];
  schedulers: number;
}

export function idleCategories(): Record<Category, CategoryStatus> {
  const out = {} as Record<Category, CategoryStatus>;
  for (const c of CATEGORIES) out[c] = { category: c, running: false, done: 0, total: 0, lastSyncedAt: null, lastError: null, periodSec: null };
  return out;
}

export function fakeStatus(): FakeStatus {
  const state$ = new BehaviorSubject<AntennaState>({ syncing: false, pending: 0, rejected: 0, offline: false, unpaired: false, allSynced: true });
  const categories$ = new BehaviorSubject(idleCategories());
  const fake: FakeStatus = {
    state$,
    categories$,
    requested: [],
    schedulers: 0,
    status: {
      events$: EMPTY,
      state$,
      categories$,
      client: { request: async () => undefined, registerBackgroundPush: async () => false, mode: () => 'page' },
      requestSync: async (t) => void fake.requested.push(t),
      startScheduler: () => {
        fake.schedulers += 1;
        return { notifyOutbox: () => undefined, stop: () => undefined };
      },
      dispose: () => undefined,
    },
  };
  return fake;
}

export function appValue(db: OrgDatabase, registry: RegistryDatabase, kind: 'demo' | 'paired'): AppContextValue {
  return {
    registry,
    db,
    org: { id: db.name, name: 'Shop', dbName: db.name, createdAt: '2026-01-01T00:00:00.000Z', stores: [], kind },
    clock: { now: () => new Date('2026-03-01T10:00:00.000Z') },
    session: null,
    login: () => undefined,
    lock: () => undefined,
    switchOrganization: async () => undefined,
  };
}

export function Wrapper({ value, children }: { value: AppContextValue; children: ReactNode }) {
  return (
    <QueryClientProvider client={new QueryClient()}>
      <AppContext.Provider value={value}>{children}</AppContext.Provider>
    </QueryClientProvider>
  );
}
