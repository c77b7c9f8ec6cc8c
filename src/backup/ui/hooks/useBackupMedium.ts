import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import { alwaysAvailable, describeMedium, effectiveMedium, MEDIA, mediumStatuses, type MediumDescription, type MediumKind, type MediumSettings, type MediumStatus } from '../../media';
import type { BackupSettings } from '../../settings';

export interface BackupMediumState {
  /** Each medium's status now (the back office: linked or not, and its address). */
  statuses: Record<MediumKind, MediumStatus>;
  /** Where runs go now: the chosen medium, or its fallback while it is unavailable. */
  medium: MediumSettings;
  description: MediumDescription;
  /** The chosen medium cannot be used now (the back office unlinked); false while loading. */
  chosenUnavailable: boolean;
}

/** Until the statuses are read, media that have one count as unavailable. */
const LOADING = Object.fromEntries(MEDIA.map((m) => [m.kind, { available: alwaysAvailable(m.kind), detail: null }])) as Record<MediumKind, MediumStatus>;

/** The registry's view of this organization's media, live. */
export function useBackupMedium(settings: BackupSettings): BackupMediumState {
  const { db } = useApp();
  const loaded = useLiveQuery(() => mediumStatuses({ db, setId: null }), [db]);
  const statuses = loaded ?? LOADING;
  const medium = effectiveMedium(settings, statuses);
  return { statuses, medium, description: describeMedium(medium), chosenUnavailable: !!loaded && !loaded[settings.medium.kind].available };
}
