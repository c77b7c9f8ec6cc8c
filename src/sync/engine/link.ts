// The till's link to its back office (settings key 'link') and per-category sync state rows.
import { CATEGORIES, type Category } from '@model';
import type { SyncState, SyncStore, TillLink } from './store';

export const LINK_KEY = 'link';
export const MIRROR_KEY = 'goodsMirror';

export type { TillLink } from './store';

export function getLink(store: Pick<SyncStore, 'getLink'>): Promise<TillLink | undefined> {
  return store.getLink();
}

/** A link the engine may use: present and not revoked. */
export async function getActiveLink(store: Pick<SyncStore, 'getLink'>): Promise<TillLink | undefined> {
  const link = await store.getLink();
  return link && link.unpairedAt === null ? link : undefined;
}

export async function markUnpaired(store: SyncStore, now: string): Promise<void> {
  await store.updateLink((link) => (link && link.unpairedAt === null ? { ...link, unpairedAt: now } : undefined));
}

export function emptySyncState(category: Category, periodSec: number | null = null): SyncState {
  return { category, checkpoint: null, periodSec, lastSyncedAt: null, lastError: null };
}

export async function getSyncStates(store: SyncStore): Promise<SyncState[]> {
  const rows = await store.getSyncStates();
  const byName = new Map(rows.map((r) => [r.category, r]));
  return CATEGORIES.map((c) => byName.get(c) ?? emptySyncState(c));
}

/** "Change update settings": periods only, checkpoints untouched. null = "Never". */
export async function setPeriods(store: SyncStore, periods: Partial<Record<Category, number | null>>): Promise<void> {
  await store.updateSyncStates((rows) => {
    const byName = new Map(rows.map((r) => [r.category, r]));
    return (Object.entries(periods) as [Category, number | null][]).map(([category, periodSec]) => ({
      ...(byName.get(category) ?? emptySyncState(category)),
      periodSec,
    }));
  });
}

/** The choices of seed 003's period list, in seconds; null is "Never". */
export const PERIOD_CHOICES: readonly (number | null)[] = [300, 900, 1800, 3600, 14_400, 86_400, null];

export async function recordCategoryError(store: SyncStore, category: Category, reason: string): Promise<void> {
  await store.updateSyncStates((rows) => [{ ...(rows.find((r) => r.category === category) ?? emptySyncState(category)), lastError: reason }]);
}
