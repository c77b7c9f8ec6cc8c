import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import { getLink, type TillLink } from '../../engine/link';

/** The open organization's back-office link: undefined while loading, null when there is none. */
export function useLink(): TillLink | null | undefined {
  const { db } = useApp();
  return useLiveQuery(async () => (await getLink(db)) ?? null, [db]);
}
