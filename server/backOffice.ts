// Assembles the back office: opens the store, migrates, seeds the demo shop on an empty
// database, sets the admin password, and serves the Hono app on a port. Used by main.ts, the
// conformance suite and the benchmark alike.
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Clock } from '@model';
import { systemClock } from '@model';
import { prepareAdmin } from './adminSetup';
import { randomId, randomToken } from './crypto';
import { catalogWrites, generateDemoCatalog, generateDemoOperators } from './demo';
import { createApp, type AppDeps, type RateLimits } from './http/app';
import type { TrustProxy } from './http/clientIp';
import { createDrainer, type DrainResult } from './http/drain';
import type { ProbeState } from './http/observability';
import type { Logger } from './log';
import { DEFAULT_DB_TIMEOUT_MS, guardDatabase } from './store/guard';
import { ensureMeta, getMeta, setMeta } from './store/meta';
import { migrate } from './store/migrations';
import { lastRev, writeRecords } from './store/records';
import type { Database } from './store/sql';
import type { CheckpointKeys } from './sync/checkpoint';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export { DEMO_ADMIN_PASSWORD } from './adminSetup';

export interface PrepareOptions {
  clock?: Clock;
  /** Seed the demo shop when the database has no records (default true). */
  seedDemo?: boolean;
  /** Articles in the demo catalog (300; DEMO_ARTICLES for tests and benchmarks). */
  demoArticles?: number;
  /** Sets (or replaces) the admin password (ADMIN_PASSWORD; at least 10 characters outside demo mode). */
  adminPassword?: string;
  /** Demo mode (`npm start`: POS_DEMO=1 or --demo): with no admin and no password, 'admin'.
   * Outside it, a first start without ADMIN_PASSWORD prints a one-time setup secret instead. */
  demo?: boolean;
  log?: (line: string) => void;
}

/** Migrations, checkpoint keys, demo seed and admin password: idempotent, safe at every start. */
export async function prepareDatabase(db: Database, options: PrepareOptions = {}): Promise<CheckpointKeys> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  await migrate(db);
  const keys: CheckpointKeys = {
    epoch: await ensureMeta(db, 'epoch', randomId()),
    secret: await ensureMeta(db, 'checkpointSecret', randomToken()),
  };
  if ((options.seedDemo ?? true) && (await getMeta(db, 'seeded')) === undefined && (await lastRev(db)) === 0) {
    const catalog = generateDemoCatalog({ articles: options.demoArticles ?? 300, seed: 42, now: clock.now() });
    const writes = catalogWrites(catalog, await generateDemoOperators(catalog));
    await db.transaction(async (tx) => {
      await writeRecords(tx, writes, clock.now());
      await setMeta(tx, 'organization', catalog.organization);
      await setMeta(tx, 'stores', catalog.stores);
      await setMeta(tx, 'seeded', clock.now().toISOString());
    });
    log(`Seeded the demo shop: ${catalog.articles.length} articles, operators Alice 1111, Bob 2222, Manager 9999.`);
  }
  await prepareAdmin(db, { adminPassword: options.adminPassword, demo: options.demo }, clock.now(), log);
  return keys;
}

export interface StartOptions extends PrepareOptions {
  db: Database;
  port?: number;
  host?: string;
  distDir?: string;
  rateLimits?: Partial<RateLimits>;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY through parseTrustProxy); none by default. */
  trustProxy?: TrustProxy;
  /** Space for the off-site backup sets one till owns (BACKUP_QUOTA_MB; default 2 GiB). */
  backupQuotaBytes?: number;
  /** Serve HTTPS with this certificate chain and key (PEM): a shop LAN without a proxy. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Benchmark-only routes under /api/v1 (see AppDeps.extraApiRoutes); server/main.ts passes none. */
  extraApiRoutes?: AppDeps['extraApiRoutes'];
  /** Sets and files one till may own off-site (BACKUP_MAX_SETS, BACKUP_MAX_FILES). */
  backupLimits?: { maxSets?: number; maxFiles?: number };
  /** Structured logs (access lines, errors); `log` lines go to it too when given. */
  logger?: Logger;
  /** Bound on every database call (DB_TIMEOUT_MS; 30 s). */
  dbTimeoutMs?: number;
  /** Bound on the readiness probe (READY_TIMEOUT_MS; 2 s). */
  readyTimeoutMs?: number;
  /** The embedded database failed for good (readiness fails from then on). */
  onFatal?: (err: unknown) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  app: Hono;
  /** Closes at once, cutting open connections (tests). */
  close(): Promise<void>;
  /** Graceful: stops accepting, lets requests in flight finish within `timeoutMs`, 503 to new ones. */
  shutdown(timeoutMs: number): Promise<DrainResult>;
  readonly probeState: ProbeState;
}

export async function startBackOffice(options: StartOptions): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const probeState: ProbeState = { draining: false, fatal: null };
  const db = guardDatabase(options.db, {
    timeoutMs: options.dbTimeoutMs ?? DEFAULT_DB_TIMEOUT_MS,
    onFatal: (err) => {
      probeState.fatal = `the embedded database failed: ${err instanceof Error ? err.message : String(err)}`;
      options.onFatal?.(err);
    },
  });
  const keys = await prepareDatabase(db, options);
  const app = createApp({
    db,
    clock,
    keys,
    distDir: options.distDir ?? path.join(REPO_ROOT, 'dist'),
    rateLimits: options.rateLimits,
    trustProxy: options.trustProxy,
    backupQuotaBytes: options.backupQuotaBytes,
    backupLimits: options.backupLimits,
    log: options.log,
    extraApiRoutes: options.extraApiRoutes,
    logger: options.logger,
    probeState,
    readyTimeoutMs: options.readyTimeoutMs,
  });
  const drainer = createDrainer();
  const host = options.host ?? '127.0.0.1';
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const listen = { fetch: drainer.wrap(app.fetch), port: options.port ?? 0, hostname: host };
    const tls = options.tls;
    const s = tls
      ? serve({ ...listen, createServer: createHttpsServer, serverOptions: { cert: tls.cert, key: tls.key } }, (info: AddressInfo) => resolve({ server: s, port: info.port }))
      : serve(listen, (info: AddressInfo) => resolve({ server: s, port: info.port }));
    s.once('error', reject);
    drainer.attach(s as Server);
  });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    app,
    probeState,
    shutdown: (timeoutMs) => {
      probeState.draining = true;
      return drainer.drain(server as Server, timeoutMs);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
