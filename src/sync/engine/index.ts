// The sync engine's public surface: pure-ish functions over an injected store (SyncStore), fetch and clock.
export * from './types';
export * from './backoff';
export { requestJson, DEFAULT_TIMEOUT_MS } from './transport';
export * from './link';
export { pair, savePairing, normalizeCode, type PairDeps } from './pair';
export type * from './store';
export { pullCategory, type PullProgress, type PullResult } from './pull';
export { pushOutbox, REJECTED_PREFIX, type PushCounts } from './push';
export { runCycle, type CycleHooks, type CycleResult } from './cycle';
export * from './mirror';
