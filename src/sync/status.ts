// The page's view of sync (rxjs): the antenna's state, the "Mise à jour des données" tiles and
// the lists' refresh buttons, built from the host's BroadcastChannel events and live Dexie
// counts. The antenna never says "all synced" while an outbox row is unacknowledged.
import { combineLatest, from, Observable } from 'rxjs';
import { distinctUntilChanged, filter, map, scan, share, shareReplay, startWith } from 'rxjs/operators';
import { liveQuery } from 'dexie';
import { openOrgDatabase, type OrgDatabase } from '../db/schema';
import type { Category } from '@model';
import type { SyncReason } from './engine/types';
import { getLink, getSyncStates } from './engine/link';
import { createSyncClient, type ServiceWorkerContainerLike, type SyncClient } from './host/page-host';
import { isSyncEvent, SYNC_CHANNEL, targetCategories, type SyncEvent, type SyncTarget } from './host/messages';
import { startScheduler, type RunningScheduler, type SchedulerOptions } from './scheduler';
import { syncStoreOf } from './dexieStore';

export { startScheduler, periodPlan, type RunningScheduler, type SchedulerOptions } from './scheduler';

export interface AntennaState {
  syncing: boolean;
  /** Outbox rows not acknowledged by the server. */
  pending: number;
  /** Rows the server rejected (kept in the outbox). */
  rejected: number;
  offline: boolean;
  /** No link, or the server said 401: show "pair again". */
  unpaired: boolean;
  /** Set when the last run failed for a non-network reason (malformed answer, storage…). */
  error?: SyncReason;
  /** Why the last run did not succeed, whatever the state (for "reason on tap"). */
  reason?: SyncReason;
  /** True only when nothing runs, nothing is pending and nothing failed. */
  allSynced: boolean;
}

export interface CategoryStatus {
  category: Category;
  running: boolean;
  done: number;
  total: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  periodSec: number | null;
}

export interface SyncStatus {
  events$: Observable<SyncEvent>;
  state$: Observable<AntennaState>;
  categories$: Observable<Record<Category, CategoryStatus>>;
  requestSync(target: SyncTarget): Promise<void>;
  client: SyncClient;
  /** Starts the scheduler on this status' events (app start sync, periods, outbox, retries). */
  startScheduler(over?: Partial<SchedulerOptions>): RunningScheduler;
  dispose(): void;
}

export interface ChannelLike {
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  close(): void;
}

export interface SyncStatusDeps {
  db: OrgDatabase;
  client: SyncClient;
  channel: ChannelLike;
}

interface HostView {
  syncing: boolean;
  offline: boolean;
  unpaired: boolean;
  rejected: number;
  error?: SyncReason;
  reason?: SyncReason;
}

export function createSyncStatus(orgId: string, over: Partial<SyncStatusDeps> = {}): SyncStatus {
  const db = over.db ?? openOrgDatabase(orgId);
  const nav = (globalThis as { navigator?: { serviceWorker?: ServiceWorkerContainerLike } }).navigator;
  const client = over.client ?? createSyncClient({ orgId, serviceWorker: nav?.serviceWorker ?? null });
  const channel = over.channel ?? new BroadcastChannel(SYNC_CHANNEL);

  const events$ = new Observable<SyncEvent>((sub) => {
    const listener = (e: MessageEvent) => {
      if (isSyncEvent(e.data) && e.data.org === orgId) sub.next(e.data);
    };
    channel.addEventListener('message', listener);
    return () => channel.removeEventListener('message', listener);
  }).pipe(share());

  const host$ = events$.pipe(
    filter((e): e is Extract<SyncEvent, { type: 'state' }> => e.type === 'state'),
    map(
      (e): HostView => ({
        syncing: e.state === 'syncing',
        offline: e.state === 'offline',
        unpaired: e.state === 'unpaired',
        rejected: e.rejected ?? 0,
        ...(e.state === 'error' && e.reason ? { error: e.reason } : {}),
        ...(e.state !== 'idle' && e.state !== 'syncing' && e.reason ? { reason: e.reason } : {}),
      }),
    ),
    startWith<HostView>({ syncing: false, offline: false, unpaired: false, rejected: 0 }),
  );
  const pending$ = from(liveQuery(() => db.outbox.count()));
  const linked$ = from(liveQuery(async () => {
    const link = await getLink(syncStoreOf(db));
    return !!link && link.unpairedAt === null;
  }));

  const state$ = combineLatest([host$, pending$, linked$]).pipe(
    map(([h, pending, linked]) => toAntenna(h, pending, linked)),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  const progress$ = events$.pipe(
    scan(reduceProgress, {} as Partial<Record<Category, Progress>>),
    startWith({} as Partial<Record<Category, Progress>>),
  );
  const categories$ = combineLatest([from(liveQuery(() => getSyncStates(syncStoreOf(db)))), progress$]).pipe(
    map(([rows, progress]) => {
      const out = {} as Record<Category, CategoryStatus>;
      for (const r of rows) {
        const p = progress[r.category];
        out[r.category] = {
          category: r.category,
          running: p?.running ?? false,
          done: p?.done ?? 0,
          total: p?.total ?? 0,
          lastSyncedAt: r.lastSyncedAt,
          lastError: r.lastError,
          periodSec: r.periodSec,
        };
      }
      return out;
    }),
    shareReplay({ bufferSize: 1, refCount: true }),
  );

  const schedulers: RunningScheduler[] = [];
  const requestSync = (target: SyncTarget) => client.request(target);
  return {
    events$,
    state$,
    categories$,
    client,
    requestSync,
    startScheduler: (o = {}) => {
      const s = startScheduler({ db, requestSync, events$, random: Math.random, registerBackgroundPush: () => client.registerBackgroundPush(), ...o });
      schedulers.push(s);
      return s;
    },
    dispose: () => {
      for (const s of schedulers) s.stop();
      channel.close();
    },
  };
}

export function toAntenna(h: HostView, pending: number, linked: boolean): AntennaState {
  const unpaired = h.unpaired || !linked;
  return {
    syncing: h.syncing,
    pending,
    rejected: h.rejected,
    offline: h.offline,
    unpaired,
    ...(h.error ? { error: h.error } : {}),
    ...(h.reason ? { reason: h.reason } : {}),
    allSynced: !h.syncing && pending === 0 && !h.offline && !unpaired && !h.error,
  };
}

interface Progress {
  running: boolean;
  done: number;
  total: number;
}

function reduceProgress(acc: Partial<Record<Category, Progress>>, e: SyncEvent): Partial<Record<Category, Progress>> {
  const next = { ...acc };
  if (e.type === 'progress') next[e.category] = { running: true, done: e.done, total: e.total };
  else if (e.type === 'done' || e.type === 'error') next[e.category] = { ...(next[e.category] ?? { done: 0, total: 0 }), running: false };
  else if (e.state === 'syncing') {
    for (const c of targetCategories(e.target ?? 'push')) next[c] = { running: true, done: 0, total: next[c]?.total ?? 0 };
  } else {
    for (const c of Object.keys(next) as Category[]) next[c] = { ...(next[c] as Progress), running: false };
  }
  return next;
}
