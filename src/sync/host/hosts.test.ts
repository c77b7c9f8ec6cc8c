import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTestBackOffice } from '../testing/testBackOffice';
import { aReceipt, NOW, pairWith } from '../testing/fixtures';
import { openOrgDatabase, RegistryDatabase, type OrgDatabase } from '../../db/schema';
import { enqueueMutation } from '../../db/outbox';
import { createSyncClient } from './page-host';
import { installSyncHost } from './sw-host';
import { SYNC_CHANNEL, type SyncEvent } from './messages';

const fake = withTestBackOffice();
let db: OrgDatabase;
const orgId = `org-${Math.random().toString(36).slice(2)}`;
beforeEach(async () => {
  db = openOrgDatabase(orgId);
  await pairWith(fake.current, db);
  await db.transaction('rw', [db.outbox, db.settings], () =>
    enqueueMutation(db, { id: 'm1', kind: 'receipt', op: 'upsert', data: aReceipt(1) }, NOW.toISOString()),
  );
});
afterEach(async () => db.delete());

function fakeScope() {
  const listeners = new Map<string, (e: Event) => void>();
  return {
    listeners,
    addEventListener: (type: string, l: (e: Event) => void) => void listeners.set(type, l),
    fetch: (i: string, init?: RequestInit) => fetch(i, init),
  };
}

async function dispatch(scope: ReturnType<typeof fakeScope>, type: string, event: object): Promise<void> {
  let waited: Promise<unknown> = Promise.resolve();
  scope.listeners.get(type)?.({ ...event, waitUntil: (p: Promise<unknown>) => (waited = p) } as unknown as Event);
  await waited;
}

describe('service worker host', () => {
  it('runs a page request and reports on the pos-sync channel', async () => {
    const scope = fakeScope();
    installSyncHost(scope);
    const listen = new BroadcastChannel(SYNC_CHANNEL);
    // The run's end: the first state other than 'syncing' that reaches the channel.
    const ended = new Promise<SyncEvent>((resolve) => {
      listen.onmessage = (e) => {
        const event = e.data as SyncEvent;
        if (event.type === 'state' && event.state !== 'syncing') resolve(event);
      };
    });
    await dispatch(scope, 'message', { data: { type: 'sync', org: orgId, categories: 'push' } });
    const last = await ended;
    listen.close();
    expect(await fake.current.receiptsStored()).toEqual(['r1']);
    expect(last).toMatchObject({ type: 'state', org: orgId, state: 'idle', pending: 0 });
  });

  it('ignores messages that are not sync requests', async () => {
    const scope = fakeScope();
    installSyncHost(scope);
    await dispatch(scope, 'message', { data: { type: 'SKIP_WAITING' } });
    await dispatch(scope, 'message', { data: { type: 'sync', org: orgId, categories: ['nope'] } });
    expect(fake.current.received).toEqual([]);
  });

  it('pushes every paired organization on a Background Sync wake-up', async () => {
    const registry = new RegistryDatabase();
    await registry.organizations.put({ id: orgId, name: 'Shop', dbName: db.name, createdAt: NOW.toISOString(), stores: [], kind: 'paired' });
    registry.close();
    const scope = fakeScope();
    installSyncHost(scope);
    await dispatch(scope, 'sync', { tag: 'pos-push' });
    expect(await fake.current.receiptsStored()).toEqual(['r1']);
  });
});

describe('page sync client', () => {
  it('posts the request to the controlling service worker', async () => {
    const posted: unknown[] = [];
    const client = createSyncClient({ orgId, serviceWorker: { controller: { postMessage: (m) => posted.push(m) } } });
    await client.request(['prices']);
    expect(client.mode()).toBe('service-worker');
    expect(posted).toEqual([{ type: 'sync', org: orgId, categories: ['prices'] }]);
  });

  it('runs the engine in the page when no service worker controls it', async () => {
    const asked: unknown[] = [];
    const client = createSyncClient({ orgId, serviceWorker: { controller: null }, pageRunner: () => ({ request: async (o, t) => void asked.push([o, t]) }) });
    await client.request('all');
    expect(client.mode()).toBe('page');
    expect(asked).toEqual([[orgId, 'all']]);
  });

  it('registers Background Sync only where the browser has it', async () => {
    const tags: string[] = [];
    const withSync = createSyncClient({ orgId, serviceWorker: { controller: null, ready: Promise.resolve({ sync: { register: async (t) => void tags.push(t) } }) } });
    const without = createSyncClient({ orgId, serviceWorker: { controller: null, ready: Promise.resolve({}) } });
    expect(await withSync.registerBackgroundPush()).toBe(true);
    expect(await without.registerBackgroundPush()).toBe(false);
    expect(tags).toEqual(['pos-push']);
  });
});
