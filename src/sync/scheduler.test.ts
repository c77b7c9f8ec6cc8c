import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Subject } from 'rxjs';
import { freshDb } from './testing/fixtures';
import type { OrgDatabase } from '../db/schema';
import { emptySyncState } from './engine/link';
import { startScheduler, type RunningScheduler } from './scheduler';
import type { SyncEvent, SyncTarget } from './host/messages';

let db: OrgDatabase;
let running: RunningScheduler | null = null;
const requests: SyncTarget[] = [];
const events$ = new Subject<SyncEvent>();
const outbox$ = new Subject<number>();
const online$ = new Subject<void>();
const wakeups = { count: 0 };

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  db = freshDb();
  await db.syncState.bulkPut([emptySyncState('prices', 900), emptySyncState('articles', 3600), emptySyncState('clients', null)]);
  requests.length = 0;
  wakeups.count = 0;
});
afterEach(async () => {
  running?.stop();
  vi.useRealTimers();
  await db.delete();
});

function start(): RunningScheduler {
  running = startScheduler({
    db,
    requestSync: (t) => requests.push(t),
    events$,
    random: () => 0,
    online$,
    outboxCount$: outbox$,
    registerBackgroundPush: () => (wakeups.count += 1),
    pushDebounceMs: 1000,
    backoff: { baseMs: 2000, maxMs: 60_000 },
  });
  return running;
}

const state = (s: Extract<SyncEvent, { type: 'state' }>['state'], extra: object = {}): SyncEvent => ({ type: 'state', org: 'o', state: s, pending: 0, ...extra });

describe('startScheduler', () => {
  it('syncs everything at start without waiting for it', async () => {
    start();
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual(['all']);
  });

  it('pulls each category on its own period and never the "Never" ones', async () => {
    start();
    await vi.advanceTimersByTimeAsync(50);
    await vi.advanceTimersByTimeAsync(3600_000);
    const counts = new Map<string, number>();
    for (const r of requests.slice(1)) counts.set(String(r), (counts.get(String(r)) ?? 0) + 1);
    expect(counts.get('prices')).toBe(4);
    expect(counts.get('articles')).toBe(1);
    expect(counts.has('clients')).toBe(false);
  });

  it('pushes within seconds of a new outbox row and registers Background Sync', async () => {
    start();
    outbox$.next(0);
    await vi.advanceTimersByTimeAsync(10);
    outbox$.next(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).not.toContain('push');
    await vi.advanceTimersByTimeAsync(2);
    expect(requests.filter((r) => r === 'push')).toHaveLength(1);
    expect(wakeups.count).toBe(1);
  });

  it('retries a failed run with growing backoff, honouring Retry-After, and stops once idle', async () => {
    start();
    await vi.advanceTimersByTimeAsync(1);
    requests.length = 0;
    events$.next(state('offline', { target: ['prices'] }));
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual([['prices']]);
    events$.next(state('offline', { target: ['prices'], retryAfterMs: 30_000 }));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    events$.next(state('idle'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(requests).toHaveLength(2);
  });

  it('retries the failed target at once when the browser comes back online', async () => {
    start();
    await vi.advanceTimersByTimeAsync(1);
    requests.length = 0;
    online$.next();
    events$.next(state('offline', { target: 'all' }));
    online$.next();
    expect(requests).toEqual(['push', 'all']);
  });

  it('asks again when a run goes silent (its service worker was stopped mid-run), not while it reports', async () => {
    start();
    await vi.advanceTimersByTimeAsync(1);
    requests.length = 0;
    events$.next(state('syncing', { target: 'push' }));
    await vi.advanceTimersByTimeAsync(44_999);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toEqual(['push']);

    // A long pull that keeps reporting progress is alive; its end stops the watchdog.
    requests.length = 0;
    events$.next(state('syncing', { target: ['articles'] }));
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(30_000);
      events$.next({ type: 'progress', org: 'o', category: 'articles', done: i, total: 5 });
    }
    events$.next(state('idle'));
    await vi.advanceTimersByTimeAsync(600_000);
    expect(requests).toEqual([]);
  });

  it('does not retry when the till must pair again', async () => {
    start();
    await vi.advanceTimersByTimeAsync(1);
    requests.length = 0;
    events$.next(state('unpaired'));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(requests.filter((r) => r === 'all' || r === 'push')).toEqual([]);
  });
});
