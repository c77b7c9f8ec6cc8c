// The page's handle on the sync engine: it sends requests to the service worker when one
// controls the page, otherwise it runs the engine here (same runner, same lock, same channel).
import { openSyncDatabase, type OrgDatabase } from '../../db/schema';
import { platformLocks } from './lock';
import { BACKGROUND_PUSH_TAG, SYNC_CHANNEL, type SyncRequestMessage, type SyncTarget } from './messages';
import { createSyncRunner, type RunnerDeps, type SyncRunner } from './runner';

/** The part of navigator.serviceWorker we use. */
export interface ServiceWorkerContainerLike {
  controller: { postMessage(message: unknown): void } | null;
  ready?: Promise<{ sync?: { register(tag: string): Promise<void> } }>;
}

export interface SyncClient {
  request(target: SyncTarget): Promise<void>;
  /** Asks the browser to wake the service worker for a push when back online (if supported). */
  registerBackgroundPush(): Promise<boolean>;
  /** Where the engine runs right now. */
  mode(): 'service-worker' | 'page';
}

export interface SyncClientOptions {
  orgId: string;
  serviceWorker?: ServiceWorkerContainerLike | null;
  /** The in-page runner, created on first use when no service worker controls the page. */
  pageRunner?: () => SyncRunner;
}

export function createSyncClient(opts: SyncClientOptions): SyncClient {
  let runner: SyncRunner | null = null;
  const sw = opts.serviceWorker ?? null;
  return {
    mode: () => (sw?.controller ? 'service-worker' : 'page'),
    async request(target) {
      if (sw?.controller) {
        const msg: SyncRequestMessage = { type: 'sync', org: opts.orgId, categories: target };
        sw.controller.postMessage(msg);
        return;
      }
      runner ??= (opts.pageRunner ?? (() => createPageRunner()))();
      await runner.request(opts.orgId, target);
    },
    async registerBackgroundPush() {
      try {
        const reg = await sw?.ready;
        if (!reg?.sync) return false;
        await reg.sync.register(BACKGROUND_PUSH_TAG);
        return true;
      } catch {
        // Refused (permission, private mode): the scheduler's own retries still push.
        return false;
      }
    },
  };
}

/** The engine in the page: global fetch, navigator.locks (or the in-memory mutex), the channel. */
export function createPageRunner(over: Partial<RunnerDeps> = {}): SyncRunner {
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  const dbs = new Map<string, OrgDatabase>();
  const nav = (globalThis as { navigator?: { locks?: unknown } }).navigator;
  return createSyncRunner({
    openDb: (org) => {
      let db = dbs.get(org);
      if (!db) dbs.set(org, (db = openSyncDatabase(org)));
      return db;
    },
    fetch: (input, init) => fetch(input, init),
    clock: { now: () => new Date() },
    random: Math.random,
    locks: platformLocks(nav),
    emit: (e) => channel.postMessage(e),
    ...over,
  });
}
