// Opens the registry and the current organization's database. Never waits on the network:
// a till with data opens straight from IndexedDB.
import { useCallback, useEffect, useState } from 'react';
import { RegistryDatabase, openOrgDatabase, type OrgDatabase, type OrganizationEntry } from '../db/schema';
import { ensurePersistentStorage, getCurrentOrganization, setCurrentOrganization } from '../db/organizations';

export type BootState =
  | { status: 'loading' }
  | { status: 'failed'; reason: string }
  | { status: 'empty'; registry: RegistryDatabase }
  | { status: 'ready'; registry: RegistryDatabase; org: OrganizationEntry; db: OrgDatabase };

const registry = new RegistryDatabase();

export function useBoot(): { state: BootState; reload(orgId: string | null): Promise<void> } {
  const [state, setState] = useState<BootState>({ status: 'loading' });

  const reload = useCallback(async (orgId: string | null) => {
    try {
      if (orgId) await setCurrentOrganization(registry, orgId);
      const org = await getCurrentOrganization(registry);
      if (!org) {
        setState({ status: 'empty', registry });
        return;
      }
      const db = openOrgDatabase(org.id);
      await db.open();
      setState((prev) => {
        if (prev.status === 'ready' && prev.db !== db) prev.db.close();
        return { status: 'ready', registry, org, db };
      });
    } catch (e) {
      setState({ status: 'failed', reason: e instanceof Error ? e.name : 'unknown' });
    }
  }, []);

  useEffect(() => {
    void reload(null);
    // First start asks the browser to keep our data; the answer shows in Settings → Storage.
    void ensurePersistentStorage(registry, navigator.storage).catch(() => undefined);
  }, [reload]);

  return { state, reload };
}
