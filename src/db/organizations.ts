// The registry of local organizations (one Dexie database each) and which one is open.
import type { OrganizationEntry, RegistryDatabase } from './schema';
import { orgDbName } from './schema';

const CURRENT = 'currentOrg';

export async function listOrganizations(registry: RegistryDatabase): Promise<OrganizationEntry[]> {
  return registry.organizations.orderBy('name').toArray();
}

export async function getCurrentOrganization(registry: RegistryDatabase): Promise<OrganizationEntry | undefined> {
  const row = await registry.meta.get(CURRENT);
  if (typeof row?.value === 'string') {
    const org = await registry.organizations.get(row.value);
    if (org) return org;
  }
  return registry.organizations.orderBy('createdAt').first();
}

export async function setCurrentOrganization(registry: RegistryDatabase, orgId: string): Promise<void> {
  await registry.meta.put({ key: CURRENT, value: orgId });
}

export async function createOrganization(
  registry: RegistryDatabase,
  entry: Omit<OrganizationEntry, 'dbName'>,
): Promise<OrganizationEntry> {
  const full: OrganizationEntry = { ...entry, dbName: orgDbName(entry.id) };
  await registry.organizations.put(full);
  await setCurrentOrganization(registry, full.id);
  return full;
}

/** Asks the browser once to keep our storage under pressure; remembers and returns the answer. */
export async function ensurePersistentStorage(
  registry: RegistryDatabase,
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined,
): Promise<boolean | 'unsupported'> {
  if (!storage?.persist) return 'unsupported';
  const asked = await registry.meta.get('persistAsked');
  const granted = asked ? await storage.persisted() : await storage.persist();
  if (!asked) await registry.meta.put({ key: 'persistAsked', value: true });
  await registry.meta.put({ key: 'persisted', value: granted });
  return granted;
}
