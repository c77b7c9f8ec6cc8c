// Request ids, the access log (one JSON line per request) and the probes:
//   GET /api/v1/health  the process is up: 200 {status:'ok'}
//   GET /api/v1/ready   database reachable within READY_TIMEOUT_MS and migrations current:
//                       200 {status:'ready'}, else 503 {status:'not_ready', code, message}
// Both are no-store, not rate limited, and logged at debug level only.
import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { API_PREFIX } from '@model';
import type { Logger } from '../log';
import { MIGRATIONS, schemaVersion } from '../store/migrations';
import { withTimeout } from '../store/guard';
import type { Database } from '../store/sql';
import { clientIp } from './syncRoutes';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    /** Set where a till's bearer token is authenticated (syncRoutes.authenticateTill). */
    tillId: string;
  }
}

export const HEALTH_PATH = `${API_PREFIX}/health`;
export const READY_PATH = `${API_PREFIX}/ready`;
const PROBES = new Set([HEALTH_PATH, READY_PATH]);
/** An incoming X-Request-Id is kept when it is short and plain (it goes into log lines). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    await next();
    if (c.res.headers.get('x-request-id') !== requestId) {
      try {
        c.res.headers.set('x-request-id', requestId);
      } catch {
        // Immutable headers (a Response passed through): copy it.
        c.res = new Response(c.res.body, c.res);
        c.res.headers.set('x-request-id', requestId);
      }
    }
    const status = c.res.status;
    const line = {
      reqId: requestId,
      method: c.req.method,
      // The path only: query strings may carry checkpoints or codes.
      path: c.req.path,
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(c.get('tillId') ? { till: c.get('tillId') } : {}),
      ip: clientIp(c),
    };
    if (PROBES.has(c.req.path)) logger.debug(line, 'request');
    else if (status >= 500) logger.warn(line, 'request');
    else logger.info(line, 'request');
  };
}

export type Readiness = { ok: true } | { ok: false; code: string; message: string };

export interface ProbeState {
  /** Set while the server drains before exiting. */
  draining: boolean;
  /** Set when the embedded database failed for good (the process is about to exit). */
  fatal: string | null;
}

export async function checkReadiness(db: Database, state: ProbeState, timeoutMs: number): Promise<Readiness> {
  if (state.draining) return { ok: false, code: 'shutting_down', message: 'the back office is shutting down' };
  if (state.fatal) return { ok: false, code: 'database_failed', message: state.fatal };
  try {
    const version = await withTimeout(schemaVersion(db), timeoutMs, () => new Error(`no answer within ${timeoutMs} ms`));
    const latest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
    if (version < latest) return { ok: false, code: 'migrations_pending', message: `schema version ${version}, expected ${latest}` };
    return { ok: true };
  } catch (err) {
    return { ok: false, code: 'database_unreachable', message: err instanceof Error ? err.message : String(err) };
  }
}

export function probeRoutes(deps: { db: Database; state: ProbeState; readyTimeoutMs: number }): Hono {
  const app = new Hono();
  const noStore = { 'cache-control': 'no-store' };
  app.get('/health', (c) => c.json({ status: 'ok' }, 200, noStore));
  app.get('/ready', async (c) => {
    const r = await checkReadiness(deps.db, deps.state, deps.readyTimeoutMs);
    return r.ok ? c.json({ status: 'ready' }, 200, noStore) : c.json({ status: 'not_ready', code: r.code, message: r.message }, 503, noStore);
  });
  return app;
}
