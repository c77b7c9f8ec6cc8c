// Pure mapping from the status stream's AntennaState to what the antenna shows. Order matters:
// a running sync pulses; a failure or missing link wins over "pending"; "synced" only when
// nothing at all is waiting (ARCHITECTURE §3: never say all synced with an unacknowledged row).
import type { AntennaState } from '../status';

export type AntennaDisplay = 'syncing' | 'error' | 'offline' | 'unpaired' | 'pending' | 'synced' | 'idle' | 'local';

/** `linked`: the organization has (or had) a back-office link; demo shops have none → 'local'. */
export function antennaDisplay(state: AntennaState | undefined, linked: boolean | undefined): AntennaDisplay {
  if (linked === false) return 'local';
  if (!state) return 'idle';
  if (state.syncing) return 'syncing';
  if (state.unpaired) return 'unpaired';
  if (state.error) return 'error';
  if (state.offline) return 'offline';
  if (state.pending > 0) return 'pending';
  return state.allSynced ? 'synced' : 'idle';
}

/** The reason to explain on tap, if any. */
export function antennaReason(state: AntennaState | undefined): string | undefined {
  if (!state) return undefined;
  if (state.unpaired) return state.reason === 'unauthorized' ? 'unauthorized' : 'unpaired';
  return state.error ?? state.reason;
}
