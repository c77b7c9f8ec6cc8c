// The sync scheduler (page, rxjs): turns app start, per-category periods, new outbox rows, the
// browser coming back online, failed runs (capped jittered backoff) and runs that went silent
// (their service worker was stopped mid-run) into sync requests.
import { asyncScheduler, EMPTY, from, fromEvent, merge, Subject, timer, type Observable, type SchedulerLike } from 'rxjs';
import { debounceTime, distinctUntilChanged, filter, map, pairwise, switchMap } from 'rxjs/operators';
import { liveQuery } from 'dexie';
import type { OrgDatabase, SyncStateRow } from '../db/schema';
import type { Category } from '@model';
import { retryDelay, type BackoffOptions } from './engine/backoff';
import type { SyncEvent, SyncTarget } from './host/messages';

export interface SchedulerOptions {
  db: OrgDatabase;
  requestSync: (target: SyncTarget) => unknown;
  /** The host's events for this organization (createSyncStatus(...).events$). */
  events$: Observable<SyncEvent>;
  random: () => number;
  /** Emits when the browser comes back online (default: window 'online' events). */
  online$?: Observable<unknown>;
  /** Outbox row count (default: a Dexie liveQuery). */
  outboxCount$?: Observable<number>;
  registerBackgroundPush?: () => unknown;
  /** Wait after the last new outbox row before pushing (default 1 s). */
  pushDebounceMs?: number;
  backoff?: BackoffOptions;
  /** A run with no event for this long is taken for dead and asked again (default STALLED_RUN_MS). */
  stalledRunMs?: number;
  scheduler?: SchedulerLike;
}

/** The browser may stop the service worker in the middle of a run (found by the chaos suite:
 * CDP ServiceWorker.stopAllWorkers during a push). Its lock dies with it, but the end-of-run
 * event never comes: the antenna kept pulsing and nothing retried until the next sale. A run
 * that sends no event for longer than a request's timeout (30 s) plus margin is asked again;
 * if it was only slow, the request merges into one more run after it. */
export const STALLED_RUN_MS = 45_000;

export interface RunningScheduler {
  /** Called by the sale after it committed: push within seconds. */
  notifyOutbox(): void;
  stop(): void;
}

/** The period timers' input: which categories sync automatically, and how often. */
export function periodPlan(rows: readonly SyncStateRow[]): { category: Category; periodMs: number }[] {
  return rows
    .filter((r) => r.periodSec !== null && r.periodSec > 0)
    .map((r) => ({ category: r.category, periodMs: (r.periodSec as number) * 1000 }))
    .sort((a, b) => a.category.localeCompare(b.category));
}

export function startScheduler(opts: SchedulerOptions): RunningScheduler {
  const sched = opts.scheduler ?? asyncScheduler;
  const notify$ = new Subject<void>();
  const outboxCount$ = opts.outboxCount$ ?? from(liveQuery(() => opts.db.outbox.count()));
  const online$ = opts.online$ ?? defaultOnline$();
  let lastFailed: SyncTarget | null = null;
  let attempt = 0;

  const startup$ = timer(0, sched).pipe(map((): SyncTarget => 'all'));

  const periods$ = from(liveQuery(() => opts.db.syncState.toArray())).pipe(
    map(periodPlan),
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
    switchMap((plan) => merge(...plan.map((p) => timer(p.periodMs, p.periodMs, sched).pipe(map((): SyncTarget => [p.category]))))),
  );

  const grown$ = outboxCount$.pipe(
    pairwise(),
    filter(([a, b]) => b > a),
    map(() => undefined),
  );
  const push$ = merge(grown$, notify$).pipe(
    debounceTime(opts.pushDebounceMs ?? 1000, sched),
    map((): SyncTarget => {
      void opts.registerBackgroundPush?.();
      return 'push';
    }),
  );

  const retry$ = opts.events$.pipe(
    filter((e): e is Extract<SyncEvent, { type: 'state' }> => e.type === 'state'),
    switchMap((e) => {
      if (e.state === 'syncing') return EMPTY;
      if (e.state === 'idle' || e.state === 'unpaired') {
        attempt = 0;
        lastFailed = null;
        return EMPTY;
      }
      lastFailed = e.target ?? 'all';
      const wait = retryDelay(attempt++, opts.random, e.retryAfterMs, opts.backoff);
      const target = lastFailed;
      return timer(wait, sched).pipe(map(() => target));
    }),
  );

  let runningTarget: SyncTarget = 'all';
  const stalled$ = opts.events$.pipe(
    switchMap((e) => {
      if (e.type === 'state' && e.state !== 'syncing') return EMPTY;
      if (e.type === 'state') runningTarget = e.target ?? 'all';
      return timer(opts.stalledRunMs ?? STALLED_RUN_MS, sched).pipe(map(() => runningTarget));
    }),
  );

  const back$ = online$.pipe(map((): SyncTarget => lastFailed ?? 'push'));

  const sub = merge(startup$, periods$, push$, retry$, back$, stalled$).subscribe((target) => {
    void opts.requestSync(target);
  });
  return { notifyOutbox: () => notify$.next(), stop: () => sub.unsubscribe() };
}

function defaultOnline$(): Observable<unknown> {
  const g = globalThis as unknown as Partial<EventTarget>;
  return typeof g.addEventListener === 'function' ? fromEvent(globalThis as unknown as EventTarget, 'online') : EMPTY;
}
