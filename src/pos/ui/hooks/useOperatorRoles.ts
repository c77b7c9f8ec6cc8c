import { useApp } from '../../../ui/AppContext';
import { operatorsWithRoles } from '../../services/lists';
import { useLiveResult, type LiveResult } from '../../../ui/useLiveResult';

/** Operators with their role (never any PIN data). */
export function useOperatorRoles(): LiveResult<Awaited<ReturnType<typeof operatorsWithRoles>>> {
  const { db } = useApp();
  return useLiveResult(() => operatorsWithRoles(db), [db]);
}
