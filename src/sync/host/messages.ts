// The messages between the page, the service worker and the status stream. Page → SW: a sync
// request; SW/page engine → everyone: progress over the BroadcastChannel 'pos-sync'.
import { CATEGORIES, type Category } from '@model';
import type { SyncReason } from '../engine/types';

export const SYNC_CHANNEL = 'pos-sync';
export const BACKGROUND_PUSH_TAG = 'pos-push';

/** What to sync: some categories (push comes first anyway), everything, or only the outbox. */
export type SyncTarget = readonly Category[] | 'all' | 'push';

export interface SyncRequestMessage {
  type: 'sync';
  org: string;
  categories: SyncTarget;
}

export type HostState = 'idle' | 'syncing' | 'offline' | 'error' | 'unpaired';

export type SyncEvent =
  | { type: 'progress'; org: string; category: Category; done: number; total: number }
  | {
      type: 'state';
      org: string;
      state: HostState;
      reason?: SyncReason;
      /** Outbox rows not acknowledged by the server. */
      pending: number;
      /** Rows the server rejected (part of `pending`). */
      rejected?: number;
      /** From a 429's Retry-After. */
      retryAfterMs?: number;
      /** What the run that ended was asked to do, so a retry asks the same. */
      target?: SyncTarget;
    }
  | { type: 'done'; org: string; category: Category; at: string }
  | { type: 'error'; org: string; category: Category; reason: SyncReason };

export function isSyncRequest(data: unknown): data is SyncRequestMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Partial<SyncRequestMessage>;
  return m.type === 'sync' && typeof m.org === 'string' && isTarget(m.categories);
}

function isTarget(t: unknown): t is SyncTarget {
  if (t === 'all' || t === 'push') return true;
  return Array.isArray(t) && t.every((c) => (CATEGORIES as readonly unknown[]).includes(c));
}

export function isSyncEvent(data: unknown): data is SyncEvent {
  if (typeof data !== 'object' || data === null) return false;
  const t = (data as { type?: unknown }).type;
  return (t === 'progress' || t === 'state' || t === 'done' || t === 'error') && typeof (data as { org?: unknown }).org === 'string';
}

/** Categories a target pulls ('push' pulls none). */
export function targetCategories(t: SyncTarget): Category[] {
  if (t === 'push') return [];
  if (t === 'all') return [...CATEGORIES];
  return [...t];
}

/** Union of two targets, for coalescing requests that arrive while a run is going. */
export function mergeTargets(a: SyncTarget | null, b: SyncTarget): SyncTarget {
  if (a === null) return b;
  if (a === 'all' || b === 'all') return 'all';
  const cats = new Set([...targetCategories(a), ...targetCategories(b)]);
  if (cats.size === CATEGORIES.length) return 'all';
  return cats.size === 0 ? 'push' : CATEGORIES.filter((c) => cats.has(c));
}
