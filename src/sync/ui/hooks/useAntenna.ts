import { antennaDisplay, antennaReason, type AntennaDisplay } from '../antennaState';
import type { AntennaState } from '../../status';
import type { SyncSession } from '../syncSession';
import { useObservable } from './useObservable';
import { useSyncSession } from './useSyncSession';

export interface AntennaView {
  display: AntennaDisplay;
  state: AntennaState | undefined;
  reason: string | undefined;
  session: SyncSession | null;
}

/** What the antenna shows for the open organization (starts its scheduler when linked). */
export function useAntenna(): AntennaView {
  const { session, linked } = useSyncSession();
  const state = useObservable(session?.status.state$);
  return { display: antennaDisplay(state, linked), state, reason: antennaReason(state), session };
}
