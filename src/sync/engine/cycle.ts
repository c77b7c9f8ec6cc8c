// One sync cycle: push the outbox first (sales matter most), then pull the asked categories.
import type { Category } from '@model';
import { pullCategory, type PullProgress, type PullResult } from './pull';
import { pushOutbox, type PushCounts } from './push';
import { isTransient, type EngineDeps, type Result, type SyncFailure } from './types';

export interface CycleHooks {
  onProgress?: (p: PullProgress) => void;
  onCategoryStart?: (category: Category) => void;
  onCategoryDone?: (category: Category, result: PullResult) => void;
}

export interface CycleResult {
  push: Result<PushCounts>;
  pulls: Partial<Record<Category, PullResult>>;
  /** The failure that matters most for the antenna, if any. */
  failure?: SyncFailure;
}

export async function runCycle(deps: EngineDeps, categories: readonly Category[], hooks: CycleHooks = {}): Promise<CycleResult> {
  const push = await pushOutbox(deps);
  const result: CycleResult = { push, pulls: {} };
  if (!push.ok) {
    result.failure = push;
    // Offline or unpaired: pulling would fail the same way.
    if (isTransient(push.reason) || push.reason === 'unauthorized' || push.reason === 'unpaired') return result;
  }
  for (const category of categories) {
    hooks.onCategoryStart?.(category);
    const pulled = await pullCategory(deps, category, hooks.onProgress);
    result.pulls[category] = pulled;
    hooks.onCategoryDone?.(category, pulled);
    if (!pulled.ok) {
      result.failure = worst(result.failure, pulled);
      if (isTransient(pulled.reason) || pulled.reason === 'unauthorized' || pulled.reason === 'unpaired') break;
    }
  }
  return result;
}

const SEVERITY: Record<SyncFailure['reason'], number> = {
  unpaired: 6,
  unauthorized: 6,
  'malformed-response': 4,
  'http-error': 4,
  'storage-error': 5,
  'server-error': 2,
  'rate-limited': 2,
  timeout: 1,
  offline: 1,
};

function worst(a: SyncFailure | undefined, b: SyncFailure): SyncFailure {
  return !a || SEVERITY[b.reason] > SEVERITY[a.reason] ? b : a;
}
