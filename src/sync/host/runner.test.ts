import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTestBackOffice } from '../testing/testBackOffice';
import { aReceipt, anArticle, engineDeps, freshDb, NOW, pairWith } from '../testing/fixtures';
import { OrgDatabase } from '../../db/schema';
import { enqueueMutation } from '../../db/outbox';
import { createMemoryLocks } from './lock';
import { createSyncRunner } from './runner';
import type { SyncEvent } from './messages';

const fake = withTestBackOffice();
let db: OrgDatabase;
beforeEach(async () => {
  db = freshDb();
  await pairWith(fake.current, db);
});
afterEach(async () => db.delete());

async function sell(target: OrgDatabase, n: number): Promise<void> {
  await target.transaction('rw', [target.outbox, target.settings], () =>
    enqueueMutation(target, { id: `m${n}`, kind: 'receipt', op: 'upsert', data: aReceipt(n) }, NOW.toISOString()),
  );
}

function runnerFor(events: SyncEvent[], locks = createMemoryLocks(), openDb = () => db) {
  const { store: _store, ...rest } = engineDeps(db);
  return createSyncRunner({ ...rest, openDb, locks, emit: (e) => events.push(e) });
}

describe('sync runner', () => {
  it('two engines racing under the lock push each receipt once', async () => {
    for (let i = 1; i <= 30; i++) await sell(db, i);
    fake.current.pushLatencyMs = 30;
    const locks = createMemoryLocks();
    const tabB = new OrgDatabase(db.name);
    const a = runnerFor([], locks);
    const b = runnerFor([], locks, () => tabB);
    await Promise.all([a.request('org1', 'push'), b.request('org1', 'push'), a.request('org1', 'all'), b.request('org1', 'push')]);
    expect(fake.current.received).toHaveLength(30);
    expect(new Set(fake.current.received).size).toBe(30);
    expect(await db.outbox.count()).toBe(0);
    tabB.close();
  });

  it('reports syncing, progress, done, then idle with nothing pending', async () => {
    await fake.current.upsert('article', 'a1', anArticle(1));
    await sell(db, 1);
    const events: SyncEvent[] = [];
    await runnerFor(events).request('org1', ['articles']);
    expect(events.map((e) => (e.type === 'state' ? `state:${e.state}:${e.pending}` : e.type))).toEqual(['state:syncing:1', 'progress', 'done', 'state:idle:0']);
  });

  it('ends offline with the pending count when the network is down, never idle', async () => {
    await sell(db, 1);
    fake.current.faults.push.push('offline');
    const events: SyncEvent[] = [];
    await runnerFor(events).request('org1', 'all');
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'offline', reason: 'offline', pending: 1, target: 'all' });
  });

  it('ends unpaired on 401 and keeps the outbox', async () => {
    await sell(db, 1);
    fake.current.faults.push.push('unauthorized');
    const events: SyncEvent[] = [];
    await runnerFor(events).request('org1', 'push');
    expect(events.at(-1)).toMatchObject({ type: 'state', state: 'unpaired', pending: 1 });
  });

  it('merges requests that arrive during a run into one next run', async () => {
    const events: SyncEvent[] = [];
    const r = runnerFor(events);
    const first = r.request('org1', ['prices']);
    const second = r.request('org1', ['clients']);
    const third = r.request('org1', ['currencies']);
    await Promise.all([first, second, third]);
    const starts = events.filter((e) => e.type === 'state' && e.state === 'syncing');
    expect(starts.length).toBeLessThanOrEqual(2);
    expect(fake.current.pullRequests.map((p) => p.split(':')[0]).sort()).toEqual(['clients', 'currencies', 'prices']);
  });
});
