// What every screen needs: the registry, the open organization's database, the clock, and the
// logged-in operator. Provided once by App; read through useApp().
import { createContext, useContext } from 'react';
import type { OrgDatabase, OrganizationEntry, RegistryDatabase } from '../db/schema';
import type { Operator, Role } from '@model';
import type { Clock } from '@model';

export interface Session {
  operator: Operator;
  role: Role;
}

export interface AppContextValue {
  registry: RegistryDatabase;
  org: OrganizationEntry;
  db: OrgDatabase;
  clock: Clock;
  session: Session | null;
  login(session: Session): void;
  lock(): void;
  /** Re-reads the registry, e.g. after pairing or restoring into another organization. */
  switchOrganization(orgId: string | null): Promise<void>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp() outside <AppContext>');
  return ctx;
}

export function useSession(): Session {
  const { session } = useApp();
  if (!session) throw new Error('useSession() while locked');
  return session;
}
