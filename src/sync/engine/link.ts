// The till's link to its back office (settings key 'link') and per-category sync state rows.
import type { OrgDatabase, SyncStateRow } from '../../db/schema';
import { CATEGORIES, type Category } from '@model';

export const LINK_KEY = 'link';
export const MIRROR_KEY = 'goodsMirror';

export interface TillLink {
  serverUrl: string;
  tillId: string;
  token: string;
  tillCode: string;
  organization: { id: string; name: string };
  stores: { id: string; name: string }[];
  pairedAt: string;
  /** Set when the server answered 401: the till must pair again (its outbox is kept). */
  unpairedAt: string | null;
}

export async function getLink(db: OrgDatabase): Promise<TillLink | undefined> {
  const row = await db.settings.get(LINK_KEY);
  return (row?.value as TillLink | undefined) ?? undefined;
}

/** A link the engine may use: present and not revoked. */
export async function getActiveLink(db: OrgDatabase): Promise<TillLink | undefined> {
  const link = await getLink(db);
  return link && link.unpairedAt === null ? link : undefined;
}

export async function markUnpaired(db: OrgDatabase, now: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const link = await getLink(db);
    if (link && link.unpairedAt === null) await db.settings.put({ key: LINK_KEY, value: { ...link, unpairedAt: now } });
  });
}

export function emptySyncState(category: Category, periodSec: number | null = null): SyncStateRow {
  return { category, checkpoint: null, periodSec, lastSyncedAt: null, lastError: null };
}

export async function getSyncStates(db: OrgDatabase): Promise<SyncStateRow[]> {
  const rows = await db.syncState.toArray();
  const byName = new Map(rows.map((r) => [r.category, r]));
  return CATEGORIES.map((c) => byName.get(c) ?? emptySyncState(c));
}

/** "Change update settings": periods only, checkpoints untouched. null = "Never". */
export async function setPeriods(db: OrgDatabase, periods: Partial<Record<Category, number | null>>): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    for (const [category, periodSec] of Object.entries(periods) as [Category, number | null][]) {
      const row = (await db.syncState.get(category)) ?? emptySyncState(category);
      await db.syncState.put({ ...row, periodSec });
    }
  });
}

/** The choices of seed 003's period list, in seconds; null is "Never". */
export const PERIOD_CHOICES: readonly (number | null)[] = [300, 900, 1800, 3600, 14_400, 86_400, null];

export async function recordCategoryError(db: OrgDatabase, category: Category, reason: string): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const row = (await db.syncState.get(category)) ?? emptySyncState(category);
    await db.syncState.put({ ...row, lastError: reason });
  });
}
