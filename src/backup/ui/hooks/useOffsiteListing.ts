// The back office's list of off-site backup sets and this till's quota, asked with the
// organization's active link (none while unlinked). `refresh` changes the query key: the daily
// backup screen asks again after each run.
import { useQuery } from '@tanstack/react-query';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import { getActiveLink, syncStoreOf } from '../../../sync';
import { listOffsiteSets } from '../../destinations/http';

export function useOffsiteListing(enabled: boolean, refresh: unknown = null) {
  const { db, org } = useApp();
  const link = useLiveQuery(() => getActiveLink(syncStoreOf(db)), [db]);
  const listing = useQuery({
    queryKey: ['offsite-sets', org.id, link?.token, refresh],
    queryFn: () => listOffsiteSets({ baseUrl: link!.serverUrl, token: link!.token }),
    enabled: enabled && !!link,
    retry: false,
  });
  return { link, listing };
}
