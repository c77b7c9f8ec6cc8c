// Test helpers for the backup screens (jsdom): i18next with the backup strings, and an
// AppContext over fresh databases with a manager holding the 'backup' right.
import type { ReactNode } from 'react';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { AppContext, type AppContextValue } from '../../ui/AppContext';
import type { OrgDatabase, OrganizationEntry, RegistryDatabase } from '../../db/schema';
import { en } from '../i18n/en';

export async function initTestI18n(): Promise<void> {
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      resources: { en: { translation: { backup: en, common: { close: 'Close', cancel: 'Cancel', confirm: 'Confirm', retry: 'Retry', loading: 'Loading' } } } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
  }
}

export function managerApp(db: OrgDatabase, registry: RegistryDatabase, org: OrganizationEntry): AppContextValue {
  return {
    registry, db, org,
    clock: { now: () => new Date('2026-11-23T10:00:00.000Z') },
    session: { operator: { id: 'm', name: 'Manager', roleId: 'r', pinHash: '', pinSalt: '', active: true } as never, role: { id: 'r', name: 'Manager', rights: ['backup'] } },
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
