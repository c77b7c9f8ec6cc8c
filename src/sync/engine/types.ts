// The engine's injected dependencies and its expected-failure values (errors as values with a
// fixed `reason`; the UI maps each reason to translated text).
import type { Clock, Failure } from '@model';
import type { SyncStore } from './store';

/** The model's injected clock. */
export type EngineClock = Clock;

/** Timer seam for request timeouts; defaults to setTimeout so fake timers work. */
export interface EngineTimers {
  set(cb: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface EngineDeps {
  store: SyncStore;
  fetch: FetchLike;
  clock: EngineClock;
  /** In [0, 1): jitter for backoff. */
  random: () => number;
  /** Per-request timeout in ms (default 30 s). */
  timeoutMs?: number;
  timers?: EngineTimers;
  /** Pull page size (default protocol.MAX_PULL_LIMIT). */
  pageLimit?: number;
  appVersion?: string;
}

export type SyncReason =
  | 'offline'
  | 'timeout'
  | 'server-error'
  | 'rate-limited'
  | 'unauthorized'
  | 'unpaired'
  | 'malformed-response'
  | 'http-error'
  /** The local database failed (quota, closed, upgrade blocked). */
  | 'storage-error';

/** The model's failure shape, with what a sync failure also knows. */
export type SyncFailure = Failure<
  SyncReason,
  {
    /** HTTP status when there was one. */
    status?: number;
    /** The server's stable error code (protocol.ERROR_CODES) when it sent one. */
    code?: string;
    /** From Retry-After on a 429. */
    retryAfterMs?: number;
  }
>;

/** A sync outcome: the failure is the model's; a success spreads its fields (`{ ok: true, pulled }`). */
export type Result<T> = ({ ok: true } & T) | SyncFailure;

/** Failures the scheduler retries with backoff; the antenna shows them as "offline". */
export function isTransient(reason: SyncReason): boolean {
  return reason === 'offline' || reason === 'timeout' || reason === 'server-error' || reason === 'rate-limited';
}

/** Thrown for broken invariants (bugs), never for expected failures. */
export class SyncInvariantError extends Error {
  constructor(
    readonly code: 'no-transaction' | 'invalid-mutation' | 'unknown-kind',
    message: string,
  ) {
    super(message);
    this.name = 'SyncInvariantError';
  }
}
