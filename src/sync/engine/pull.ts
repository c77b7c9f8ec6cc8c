// Delta pull of one category: fetch a page, validate all of it, then write the page and its
// checkpoint in one store step (never a network await inside a transaction).
//
// A snapshot (server said `reset`, or the till has no checkpoint yet) is staged: its pages are
// upserted as they come but the checkpoint only moves at the last page, in the same transaction
// that deletes the rows the snapshot did not bring. A failure mid-snapshot therefore never
// leaves the category empty or half-pruned; the next run starts the snapshot again.
import type { Category } from '@model';
import { API_PREFIX, MAX_PULL_LIMIT, pullResponse } from '@model';
import { emptySyncState, getActiveLink, markUnpaired, recordCategoryError } from './link';
import { isMirrorMode } from './mirror';
import type { PageItem, SyncStore } from './store';
import { requestJson } from './transport';
import type { EngineDeps, Result, SyncFailure } from './types';

export interface PullProgress {
  category: Category;
  done: number;
  total: number;
}

export type PullResult = Result<{ category: Category; pulled: number; pages: number; snapshot: boolean }>;

export async function pullCategory(
  deps: EngineDeps,
  category: Category,
  onProgress: (p: PullProgress) => void = () => {},
): Promise<PullResult> {
  const { store } = deps;
  const link = await getActiveLink(store);
  if (!link) return { ok: false, reason: 'unpaired' };
  const state = (await store.getSyncState(category)) ?? emptySyncState(category);
  const mirror = await isMirrorMode(store);
  const cp = state.checkpoint;
  let snapshot = cp === null;
  let seen = new Set<string>();
  let done = 0;
  let pages = 0;
  let resetSeen = false;
  /** Checkpoints this run sent or received (since its reset): a page must move forward. */
  const checkpoints = new Set<string>(cp === null ? [] : [cp]);
  /** Highest rev this run received (since its reset): every item must be above it. */
  let lastRev = 0;
  const limit = Math.min(deps.pageLimit ?? MAX_PULL_LIMIT, MAX_PULL_LIMIT);
  const fetchPage = (from: string | null) => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (from !== null) query.set('cp', from);
    const url = `${link.serverUrl}${API_PREFIX}/pull/${category}?${query.toString()}`;
    return requestJson(deps, { method: 'GET', url, token: link.token }, pullResponse);
  };
  let next = fetchPage(cp);
  for (;;) {
    const res = await next;
    if (!res.ok) return fail(deps, category, res);
    const page = res.value;
    // The first `reset` of a run starts the snapshot over (pages before it were a delta).
    const restart = page.reset && !resetSeen;
    if (restart) {
      checkpoints.clear();
      lastRev = 0;
    }
    // A page for another category, one that promises more from a checkpoint this run already
    // had (it would loop, rewriting the same rows), one listing a record twice or with revs that
    // do not increase (the change sequence only moves forward), is malformed.
    if (
      page.category !== category ||
      (page.hasMore && checkpoints.has(page.checkpoint)) ||
      hasDuplicateRecords(page.items) ||
      !revsIncrease(page.items, lastRev)
    ) {
      return fail(deps, category, { ok: false, reason: 'malformed-response' });
    }
    checkpoints.add(page.checkpoint);
    lastRev = page.items.at(-1)?.rev ?? lastRev;
    if (restart) {
      resetSeen = true;
      snapshot = true;
      seen = new Set();
      done = 0;
    }
    pages += 1;
    // Fetch the next page while this one is written: the network never waits inside a transaction.
    if (page.hasMore) next = fetchPage(page.checkpoint);
    try {
      await writePage(store, category, page, { snapshot, seen, mirror, now: deps.clock.now().toISOString() });
    } catch (err) {
      // Quota, a closed or blocked database: the transaction rolled back, nothing was written.
      return fail(deps, category, { ok: false, reason: 'storage-error', code: err instanceof Error ? err.name : 'unknown' });
    }
    done += page.items.length;
    onProgress({ category, done, total: Math.max(page.total, done) });
    if (!page.hasMore) return { ok: true, category, pulled: done, pages, snapshot };
  }
}

/** The server sends each record at most once per page (its latest version). */
function hasDuplicateRecords(items: readonly { kind: string; id: string }[]): boolean {
  const keys = new Set<string>();
  for (const item of items) {
    const key = `${item.kind}\u0000${item.id}`;
    if (keys.has(key)) return true;
    keys.add(key);
  }
  return false;
}

/** Items come in strictly increasing rev order, after every rev of the run's previous pages. */
function revsIncrease(items: readonly { rev: number }[], after: number): boolean {
  let last = after;
  for (const item of items) {
    if (item.rev <= last) return false;
    last = item.rev;
  }
  return true;
}

interface PageContext {
  snapshot: boolean;
  seen: Set<string>;
  mirror: boolean;
  now: string;
}

/** A delta page moves the checkpoint; a snapshot's pages move it only at the last one, which
 * also prunes what the snapshot did not bring. */
async function writePage(
  store: SyncStore,
  category: Category,
  page: { items: readonly PageItem[]; checkpoint: string; hasMore: boolean },
  ctx: PageContext,
): Promise<void> {
  const last = !page.hasMore;
  const written = await store.applyPullPage({
    category,
    items: page.items,
    checkpoint: last || !ctx.snapshot ? page.checkpoint : null,
    completedAt: last ? ctx.now : null,
    prune: last && ctx.snapshot ? { keep: ctx.seen, mirror: ctx.mirror } : null,
  });
  if (ctx.snapshot) for (const k of written) ctx.seen.add(k);
}

async function fail(deps: EngineDeps, category: Category, f: SyncFailure): Promise<SyncFailure> {
  if (f.reason === 'unauthorized') await markUnpaired(deps.store, deps.clock.now().toISOString());
  await recordCategoryError(deps.store, category, f.reason);
  return f;
}
