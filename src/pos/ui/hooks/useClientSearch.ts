import { useApp } from '../../../ui/AppContext';
import type { ClientRow } from '../../../db/schema';
import { searchClients } from '../../services/clients';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** Clients matching a name prefix, a phone or a card number (the first ones by name when empty). */
export function useClientSearch(query: string, limit = 50): LiveResult<ClientRow[]> {
  const { db } = useApp();
  return useLiveResult(() => searchClients(db, query, limit), [db, query, limit]);
}
