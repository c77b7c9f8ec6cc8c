// jsdom helpers for the screens' component tests: i18next with the till and `screens` strings,
// and an AppContext over a test database with a logged-in operator of a given role.
import type { ReactNode } from 'react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AppContext, type AppContextValue } from '../../../ui/AppContext';
import { RegistryDatabase, type OrgDatabase } from '../../../db/schema';
import { en as app } from '../../../app/i18n/en';
import type { Right } from '@model';
import { en } from '../../i18n/en';

export async function initScreensI18n(): Promise<void> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({ resources: { en: { translation: { ...app, ...en } } }, lng: 'en', interpolation: { escapeValue: false } });
  }
}

export function ScreensWrapper({ db, rights, children }: { db: OrgDatabase; rights: Right[]; children: ReactNode }) {
  const value: AppContextValue = {
    registry: new RegistryDatabase(`${db.name}-registry`),
    db,
    org: { id: db.name, name: 'Shop', dbName: db.name, createdAt: '2026-01-01T00:00:00.000Z', stores: [], kind: 'demo' },
    clock: { now: () => new Date('2026-03-02T09:00:00.000Z') },
    session: {
      operator: { id: 'op-1', name: 'Alice', roleId: 'r-test', pinHash: '0'.repeat(64), pinSalt: '0'.repeat(32), pinIterations: 1000, active: true },
      role: { id: 'r-test', name: 'Test', rights },
    },
    login: () => undefined,
    lock: () => undefined,
    switchOrganization: async () => undefined,
  };
  return (
    <QueryClientProvider client={new QueryClient()}>
      <AppContext.Provider value={value}>{children}</AppContext.Provider>
    </QueryClientProvider>
  );
}
