// Capped exponential backoff with "equal jitter": the delay for attempt n lies in
// [cap_n / 2, cap_n] where cap_n = min(maxMs, baseMs * 2^n). Pure; randomness is injected.

export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
}

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** attempt 0 is the first retry. */
export function backoffDelay(attempt: number, random: () => number, opts: BackoffOptions = {}): number {
  const base = opts.baseMs ?? BACKOFF_BASE_MS;
  const max = opts.maxMs ?? BACKOFF_MAX_MS;
  const n = Math.max(0, Math.min(Math.floor(attempt), 30));
  const cap = Math.min(max, base * 2 ** n);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(cap / 2 + (r * cap) / 2);
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: Date): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now.getTime());
}

/** The wait before the next retry: the server's Retry-After wins when it asks for longer. */
export function retryDelay(attempt: number, random: () => number, retryAfterMs?: number, opts: BackoffOptions = {}): number {
  const jittered = backoffDelay(attempt, random, opts);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, Math.min(retryAfterMs, 3_600_000));
}
