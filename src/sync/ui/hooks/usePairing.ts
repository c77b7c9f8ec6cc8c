import { useMutation } from '@tanstack/react-query';
import type { RegistryDatabase } from '../../../db/schema';
import { newId } from '../../../db/ids';
import { getSyncSession } from '../syncSession';
import { pairTill, type PairTillResult } from '../pairTill';

/** The pairing call (TanStack Query mutation). On success the first full sync starts at once,
 * without waiting, so the tiles fill while the operator picks the periods. */
export function usePairing(registry: RegistryDatabase, clock: { now(): Date }) {
  return useMutation<PairTillResult, Error, string>({
    networkMode: 'always',
    mutationFn: async (code) => {
      const res = await pairTill(
        { registry, clock, fetch: (i, init) => fetch(i, init), serverUrl: location.origin, userAgent: navigator.userAgent, newId },
        code,
      );
      if (res.ok) void getSyncSession(res.org.id, res.db).requestSync('all');
      return res;
    },
  });
}
