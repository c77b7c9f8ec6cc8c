import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import type { GroupRow } from '../../../db/schema';

/** Article groups in display order. */
export function useGroups(): GroupRow[] | undefined {
  const { db } = useApp();
  return useLiveQuery(() => db.articleGroups.toArray().then((g) => g.sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name))), [db]);
}
