import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { ClientRow } from '../../../db/schema';

/** One client by id (null when none or unknown). */
export function useClient(id: string | null): ClientRow | null {
  const { db } = useApp();
  return useLiveQuery(async () => (id ? ((await db.clients.get(id)) ?? null) : null), [db, id]) ?? null;
}
