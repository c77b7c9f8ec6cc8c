// One HTTP exchange with the back office: timeout through AbortController, platform and HTTP
// failures classified into reasons, and the answer validated by its zod schema before anyone
// sees it (a malformed answer is a failure and nothing gets written).
import type { z } from 'zod';
import { errorResponse } from '@model';
import { parseRetryAfter } from './backoff';
import type { EngineDeps, EngineTimers, Result, SyncFailure } from './types';

export const DEFAULT_TIMEOUT_MS = 30_000;

const defaultTimers: EngineTimers = {
  set: (cb, ms) => setTimeout(cb, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface RequestSpec {
  method: 'GET' | 'POST';
  url: string;
  token?: string;
  body?: unknown;
}

type TransportDeps = Pick<EngineDeps, 'fetch' | 'clock' | 'timeoutMs' | 'timers'>;

export async function requestJson<S extends z.ZodType>(
  deps: TransportDeps,
  spec: RequestSpec,
  schema: S,
): Promise<Result<{ value: z.infer<S> }>> {
  const timers = deps.timers ?? defaultTimers;
  const controller = new AbortController();
  let timedOut = false;
  const handle = timers.set(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (spec.token) headers.authorization = `Bearer ${spec.token}`;
    let res: Response;
    try {
      res = await deps.fetch(spec.url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: controller.signal,
      });
    } catch {
      return { ok: false, reason: timedOut ? 'timeout' : 'offline' };
    }
    // A 200 that is not JSON (a captive portal's login page, a proxy's error page) is not the
    // back office's answer, even when its text happens to parse.
    if (res.ok && !isJsonType(res.headers.get('content-type'))) {
      void res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'malformed-response', status: res.status };
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      if (timedOut) return { ok: false, reason: 'timeout' };
      if (!res.ok) return classifyStatus(res, undefined, deps.clock.now());
      return { ok: false, reason: 'malformed-response', status: res.status };
    }
    if (!res.ok) return classifyStatus(res, json, deps.clock.now());
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'malformed-response', status: res.status };
    return { ok: true, value: parsed.data };
  } finally {
    timers.clear(handle);
  }
}

/** application/json or any application/…+json type, parameters (charset) allowed. */
export function isJsonType(contentType: string | null): boolean {
  return contentType !== null && /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType);
}

function classifyStatus(res: Response, body: unknown, now: Date): SyncFailure {
  const parsed = errorResponse.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : undefined;
  const base = { ok: false as const, status: res.status, ...(code ? { code } : {}) };
  if (res.status === 401 || res.status === 403) return { ...base, reason: 'unauthorized' };
  if (res.status === 429) {
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'), now);
    return { ...base, reason: 'rate-limited', ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  }
  if (res.status >= 500) return { ...base, reason: 'server-error' };
  return { ...base, reason: 'http-error' };
}
