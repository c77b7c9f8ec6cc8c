import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import { loadBackOfficeMedium, type BackOfficeMedium } from '../../destinations/httpMedium';

/** Whether the back office can hold the off-site copy and whether it is chosen, live. */
export function useBackOfficeMedium(): BackOfficeMedium | undefined {
  const { db } = useApp();
  return useLiveQuery(() => loadBackOfficeMedium(db), [db]);
}
