import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import { getLink, type TillLink } from '../../engine/link';
import { syncStoreOf } from '../../dexieStore';

/** The open organization's back-office link: undefined while loading, null when there is none. */
export function useLink(): TillLink | null | undefined {
  const { db } = useApp();
  return useLiveQuery(async () => (await getLink(syncStoreOf(db))) ?? null, [db]);
}
