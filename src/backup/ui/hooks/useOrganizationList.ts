import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { OrganizationEntry } from '../../../db/schema';
import { listOrganizations } from '../../../db/organizations';

/** Local organizations from the registry, by name; undefined while loading. */
export function useOrganizationList(): OrganizationEntry[] | undefined {
  const { registry } = useApp();
  return useLiveQuery(() => listOrganizations(registry), [registry]);
}
