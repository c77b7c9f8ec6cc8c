// Runs the engine for sync requests, one run at a time per organization under the sync lock,
// and reports what happens as SyncEvents. Requests arriving during a run are merged into the
// next run. Used by the service worker host and, without one, by the page.
import type { OrgDatabase } from '../../db/schema';
import { runCycle, type CycleResult } from '../engine/cycle';
import { pushOutbox } from '../engine/push';
import { isTransient, type EngineDeps, type SyncFailure } from '../engine/types';
import { countPending } from '../../db/outbox';
import { countRejected } from '../dexieStore';
import { syncStoreOf } from '../dexieStore';
import { withSyncLock, type LockManagerLike } from './lock';
import { mergeTargets, targetCategories, type HostState, type SyncEvent, type SyncTarget } from './messages';

export interface RunnerDeps extends Omit<EngineDeps, 'store'> {
  openDb: (orgId: string) => OrgDatabase;
  locks: LockManagerLike;
  emit: (event: SyncEvent) => void;
}

export interface SyncRunner {
  /** Resolves when a run covering this request has finished. */
  request(org: string, target: SyncTarget): Promise<void>;
}

export function createSyncRunner(deps: RunnerDeps): SyncRunner {
  const queued = new Map<string, SyncTarget>();
  const draining = new Map<string, Promise<void>>();

  async function drain(org: string): Promise<void> {
    for (;;) {
      const target = queued.get(org);
      if (target === undefined) return;
      queued.delete(org);
      await withSyncLock(deps.locks, org, () => runOnce(deps, org, target));
    }
  }

  return {
    request(org, target) {
      queued.set(org, mergeTargets(queued.get(org) ?? null, target));
      const running = draining.get(org);
      if (running) return running;
      const p = drain(org).finally(() => draining.delete(org));
      draining.set(org, p);
      return p;
    },
  };
}

async function runOnce(deps: RunnerDeps, org: string, target: SyncTarget): Promise<void> {
  const db = deps.openDb(org);
  const engine: EngineDeps = { ...deps, store: syncStoreOf(db) };
  deps.emit({ type: 'state', org, state: 'syncing', pending: await countPending(db), target });
  let failure: SyncFailure | undefined;
  try {
    if (target === 'push') {
      const pushed = await pushOutbox(engine);
      if (!pushed.ok) failure = pushed;
    } else {
      const result: CycleResult = await runCycle(engine, targetCategories(target), {
        onProgress: (p) => deps.emit({ type: 'progress', org, category: p.category, done: p.done, total: p.total }),
        onCategoryDone: (category, r) =>
          deps.emit(r.ok ? { type: 'done', org, category, at: deps.clock.now().toISOString() } : { type: 'error', org, category, reason: r.reason }),
      });
      failure = result.failure;
    }
  } catch (err) {
    // An unexpected throw (IndexedDB gone, quota) must still end the pulse with an error state.
    failure = { ok: false, reason: 'storage-error', code: err instanceof Error ? err.name : 'unknown' };
  }
  const [pending, rejected] = await Promise.all([countPending(db), countRejected(db)]);
  deps.emit({
    type: 'state',
    org,
    state: stateOf(failure),
    pending,
    rejected,
    target,
    ...(failure ? { reason: failure.reason } : {}),
    ...(failure?.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
  });
}

export function stateOf(failure: SyncFailure | undefined): HostState {
  if (!failure) return 'idle';
  if (isTransient(failure.reason)) return 'offline';
  if (failure.reason === 'unauthorized' || failure.reason === 'unpaired') return 'unpaired';
  return 'error';
}
