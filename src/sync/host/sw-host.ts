// The sync host inside the service worker (src/sw.ts calls installSyncHost(self)). It answers
// pages' sync requests and Background Sync wake-ups, and reports over BroadcastChannel.
// Typed structurally so it compiles under both the DOM and the WebWorker libs.
import { openSyncDatabase, RegistryDatabase, type OrgDatabase } from '../../db/schema';
import { platformLocks } from './lock';
import { BACKGROUND_PUSH_TAG, isSyncRequest, SYNC_CHANNEL, type SyncEvent } from './messages';
import { createSyncRunner, type SyncRunner } from './runner';

interface ExtendableLike {
  waitUntil(p: Promise<unknown>): void;
}
interface SwScopeLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  fetch(input: string, init?: RequestInit): Promise<Response>;
  navigator?: { locks?: unknown };
}

export interface SyncHostOptions {
  appVersion?: string;
  timeoutMs?: number;
}

export function installSyncHost(self: SwScopeLike, options: SyncHostOptions = {}): SyncRunner {
  const channel = new BroadcastChannel(SYNC_CHANNEL);
  const dbs = new Map<string, OrgDatabase>();
  const openDb = (org: string): OrgDatabase => {
    let db = dbs.get(org);
    if (!db) {
      db = openSyncDatabase(org);
      dbs.set(org, db);
    }
    return db;
  };
  const runner = createSyncRunner({
    openDb,
    fetch: (input, init) => self.fetch(input, init),
    clock: { now: () => new Date() },
    random: Math.random,
    locks: platformLocks(self.navigator),
    emit: (event: SyncEvent) => channel.postMessage(event),
    ...options,
  });

  self.addEventListener('message', (event) => {
    const e = event as unknown as ExtendableLike & { data: unknown };
    if (!isSyncRequest(e.data)) return;
    e.waitUntil(runner.request(e.data.org, e.data.categories));
  });

  // Background Sync carries no payload: push every paired organization's outbox.
  self.addEventListener('sync', (event) => {
    const e = event as unknown as ExtendableLike & { tag: string };
    if (e.tag !== BACKGROUND_PUSH_TAG) return;
    e.waitUntil(pushAllOrganizations(runner));
  });
  return runner;
}

async function pushAllOrganizations(runner: SyncRunner): Promise<void> {
  const registry = new RegistryDatabase();
  try {
    const orgs = await registry.organizations.toArray();
    await Promise.all(orgs.filter((o) => o.kind !== 'demo').map((o) => runner.request(o.id, 'push')));
  } finally {
    registry.close();
  }
}
