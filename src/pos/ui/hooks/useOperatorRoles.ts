import { useApp } from '../../../app/AppContext';
import { operatorsWithRoles } from '../../services/lists';
import { useLiveResult, type LiveResult } from './useLiveResult';

/** Operators with their role (never any PIN data). */
export function useOperatorRoles(): LiveResult<Awaited<ReturnType<typeof operatorsWithRoles>>> {
  const { db } = useApp();
  return useLiveResult(() => operatorsWithRoles(db), [db]);
}
