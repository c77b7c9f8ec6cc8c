import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { aReceipt, freshDb, NOW, pairWith } from './testing/fixtures';
import type { OrgDatabase } from '../db/schema';
import { enqueueMutation } from '../db/outbox';
import { markUnpaired } from './engine/link';
import { createSyncStatus, type SyncStatus } from './status';
import type { SyncEvent, SyncTarget } from './host/messages';
import { syncStoreOf } from './dexieStore';

let db: OrgDatabase;
let status: SyncStatus;
let emitter: BroadcastChannel;
const asked: SyncTarget[] = [];
const channelName = () => `pos-sync-test-${Math.random()}`;

beforeEach(async () => {
  db = freshDb();
  await pairWith(null, db);
  const name = channelName();
  emitter = new BroadcastChannel(name);
  asked.length = 0;
  status = createSyncStatus('org1', {
    db,
    channel: new BroadcastChannel(name),
    client: { request: async (t) => void asked.push(t), registerBackgroundPush: async () => false, mode: () => 'page' },
  });
});
afterEach(async () => {
  status.dispose();
  emitter.close();
  await db.delete();
});

const emit = (e: SyncEvent) => emitter.postMessage(e);

describe('createSyncStatus', () => {
  it('is all synced only when idle with an empty outbox', async () => {
    expect(await firstValueFrom(status.state$.pipe(filter((s) => s.allSynced)))).toMatchObject({ pending: 0, syncing: false });
  });

  it('never says all synced while outbox rows are pending, even after an idle run', async () => {
    await db.transaction('rw', [db.outbox, db.settings], () =>
      enqueueMutation(db, { id: 'm1', kind: 'receipt', op: 'upsert', data: aReceipt(1) }, NOW.toISOString()),
    );
    emit({ type: 'state', org: 'org1', state: 'idle', pending: 0 });
    const s = await firstValueFrom(status.state$.pipe(filter((x) => x.pending === 1)));
    expect(s.allSynced).toBe(false);
  });

  it('pulses while a run is going and shows offline after a network failure', async () => {
    const pulsing = firstValueFrom(status.state$.pipe(filter((s) => s.syncing)));
    emit({ type: 'state', org: 'org1', state: 'syncing', pending: 0, target: 'all' });
    expect(await pulsing).toMatchObject({ syncing: true, allSynced: false });
    const offline = firstValueFrom(status.state$.pipe(filter((s) => s.offline)));
    emit({ type: 'state', org: 'org1', state: 'offline', reason: 'offline', pending: 0 });
    expect(await offline).toMatchObject({ syncing: false, allSynced: false, reason: 'offline' });
  });

  it('shows pair again when the link was revoked', async () => {
    await markUnpaired(syncStoreOf(db), NOW.toISOString());
    expect(await firstValueFrom(status.state$.pipe(filter((s) => s.unpaired)))).toMatchObject({ allSynced: false });
  });

  it('feeds each tile its progress, then its last sync time', async () => {
    const running = firstValueFrom(status.categories$.pipe(filter((c) => c.articles.done === 40)));
    emit({ type: 'state', org: 'org1', state: 'syncing', pending: 0, target: ['articles'] });
    emit({ type: 'progress', org: 'org1', category: 'articles', done: 40, total: 100 });
    expect((await running).articles).toMatchObject({ running: true, done: 40, total: 100 });
    const finished = firstValueFrom(status.categories$.pipe(filter((c) => c.articles.lastSyncedAt !== null && !c.articles.running)));
    await db.syncState.update('articles', { lastSyncedAt: NOW.toISOString() });
    emit({ type: 'done', org: 'org1', category: 'articles', at: NOW.toISOString() });
    expect((await finished).articles.lastSyncedAt).toBe(NOW.toISOString());
  });

  it('ignores other organizations and forwards refresh requests', async () => {
    emit({ type: 'state', org: 'other', state: 'syncing', pending: 0 });
    await status.requestSync(['prices']);
    const s = await firstValueFrom(status.state$);
    expect(s.syncing).toBe(false);
    expect(asked).toEqual([['prices']]);
  });
});
