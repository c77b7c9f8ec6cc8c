// The one Hono app: /api/v1 (sync + admin), /admin/ (admin page) and the till from dist/.
import path from 'node:path';
import { Hono } from 'hono';
import { API_PREFIX } from '@model';
import type { Clock } from '@model';
import type { Database } from '../store/sql';
import type { CheckpointKeys } from '../sync/checkpoint';
import { createRateLimiter } from '../sync/rateLimit';
import type { TrustProxy } from './clientIp';
import { adminRoutes } from './adminRoutes';
import { backupRoutes, DEFAULT_BACKUP_QUOTA_BYTES } from './backupRoutes';
import { HttpError, errorJson } from './errors';
import { DatabaseTimeoutError, isStorageFull } from '../store/guard';
import type { Logger } from '../log';
import { probeRoutes, requestLog, type ProbeState } from './observability';
import { apiHeaders, decodePath, serveSpa, staticMiddleware } from './staticRoutes';
import { syncRoutes } from './syncRoutes';

/** Attempts per minute, counted in the database (rate_limits) before the expensive check and
 * shared by every process on it; successes give theirs back, so these bound failures. */
export interface RateLimits {
  /** Failed pairings per client address per minute. */
  pairPerIp: number;
  /** Failed pairings per install id per minute. */
  pairPerInstall: number;
  /** Failed pairings per minute in total (a distributed guesser). */
  pairGlobal: number;
  /** Failed admin logins per client address per minute. */
  loginPerIp: number;
  /** Failed admin logins per minute in total (a distributed guesser). */
  loginGlobal: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { pairPerIp: 30, pairPerInstall: 5, pairGlobal: 300, loginPerIp: 10, loginGlobal: 60 };

export interface AppDeps {
  db: Database;
  clock: Clock;
  keys: CheckpointKeys;
  /** Folder holding the built till (index.html, sw.js) and admin/ — usually `dist`. */
  distDir: string;
  rateLimits?: Partial<RateLimits>;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY, parsed by parseTrustProxy); none by default. */
  trustProxy?: TrustProxy;
  /** Space for the off-site backup sets one till owns (default DEFAULT_BACKUP_QUOTA_BYTES). */
  backupQuotaBytes?: number;
  log?: (line: string) => void;
  /** More routes under /api/v1, mounted before its 404: only the benchmark's server
   * (tests/bench/bench-server.ts) passes any (RxDB's replication endpoint); production none. */
  extraApiRoutes?: readonly ExtraApiRoutes[];
  /** Access log and error lines (pino); none when absent. */
  logger?: Logger;
  /** Draining / failed-database flags the readiness probe reports. */
  probeState?: ProbeState;
  /** Bound on the readiness probe's database query (READY_TIMEOUT_MS; 2 s). */
  readyTimeoutMs?: number;
  /** Off-site backup limits besides bytes (BACKUP_MAX_SETS, BACKUP_MAX_FILES). */
  backupLimits?: { maxSets?: number; maxFiles?: number };
}

export interface ExtraApiRoutes {
  /** Below /api/v1, e.g. '/rxdb'. */
  path: string;
  routes: Hono;
}

export function createApp(deps: AppDeps): Hono {
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
  const limiter = createRateLimiter({ db: deps.db, windowMs: 60_000, clock: deps.clock });
  const trustProxy = deps.trustProxy ?? { kind: 'none' };
  const app = new Hono();
  const dist = path.resolve(deps.distDir);
  const backupQuotaBytes = deps.backupQuotaBytes ?? DEFAULT_BACKUP_QUOTA_BYTES;

  if (deps.logger) app.use('*', requestLog(deps.logger));
  app.onError((err, c) => {
    if (err instanceof HttpError) return errorJson(c, err.status, err.code, err.message);
    const reqId = c.get('requestId');
    // A full disk: nothing of the request was committed (its transaction rolled back); the till
    // keeps the data and retries. 507, never a hang or a generic 500.
    if (isStorageFull(err)) {
      deps.logger?.warn({ reqId, err: (err as Error).message }, 'storage full');
      return errorJson(c, 507, 'storage_full', 'the back office storage is full; retry later');
    }
    if (err instanceof DatabaseTimeoutError) {
      deps.logger?.error({ reqId, err: err.message }, 'database timeout');
      return errorJson(c, 503, 'internal', 'the database did not answer in time; retry later');
    }
    // SQLSTATE class 22 (data exception): a value the schema let through but PostgreSQL cannot
    // store (NUL characters, out-of-range dates). The transaction rolled back: bad input, not a bug.
    const sqlState = (err as { code?: unknown }).code;
    if (typeof sqlState === 'string' && sqlState.startsWith('22')) return errorJson(c, 400, 'bad_request', 'a value cannot be stored');
    deps.logger?.error({ reqId, method: c.req.method, path: c.req.path, err: err instanceof Error ? (err.stack ?? err.message) : String(err) }, 'internal error');
    if (!deps.logger) deps.log?.(`internal error on ${c.req.method} ${c.req.path}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return errorJson(c, 500, 'internal', 'internal server error');
  });

  // Every API answer: nosniff, no framing, COOP, no referrer, and no-store (tokens, receipts).
  app.use('/api/*', apiHeaders);
  app.route(API_PREFIX, probeRoutes({ db: deps.db, state: deps.probeState ?? { draining: false, fatal: null }, readyTimeoutMs: deps.readyTimeoutMs ?? 2000 }));
  app.route(
    API_PREFIX,
    syncRoutes({
      db: deps.db,
      clock: deps.clock,
      keys: deps.keys,
      limiters: { limiter, perIp: limits.pairPerIp, perInstall: limits.pairPerInstall, global: limits.pairGlobal },
      trustProxy,
    }),
  );
  app.route(
    `${API_PREFIX}/admin`,
    adminRoutes({ db: deps.db, clock: deps.clock, backupQuotaBytes, limiter, loginPerIp: limits.loginPerIp, loginGlobal: limits.loginGlobal, trustProxy }),
  );
  app.route(API_PREFIX, backupRoutes({ db: deps.db, clock: deps.clock, quotaBytes: backupQuotaBytes, ...deps.backupLimits }, `${API_PREFIX}/backup/`));
  for (const extra of deps.extraApiRoutes ?? []) app.route(`${API_PREFIX}${extra.path}`, extra.routes);
  app.all('/api/*', (c) => errorJson(c, 404, 'not_found', 'no such endpoint'));

  app.get('/admin', (c) => c.redirect('/admin/', 301));
  app.get('/admin/*', staticMiddleware.compress, staticMiddleware.headers, async (c) => {
    const rel = decodePath(c.req.path.slice('/admin/'.length));
    if (rel === null) return c.text('Bad path', 400);
    return serveSpa(c, path.join(dist, 'admin'), rel);
  });
  app.get('*', staticMiddleware.compress, staticMiddleware.headers, async (c) => {
    const rel = decodePath(c.req.path.slice(1));
    if (rel === null) return c.text('Bad path', 400);
    return serveSpa(c, dist, rel);
  });
  return app;
}
