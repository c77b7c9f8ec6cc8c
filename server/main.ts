// Back office entry point: `tsx server/main.ts`. Environment: PORT (8787), HOST (127.0.0.1),
// DATA_DIR (.data/), DATABASE_URL (PostgreSQL; else embedded PGlite), DATABASE_SCHEMA (a schema of
// that database instead of public), ADMIN_PASSWORD, POS_DEMO=1 or --demo (demo mode: demo data and
// password 'admin' when none is set), TRUST_PROXY (proxy addresses/CIDRs or a hop count),
// DEMO_ARTICLES (size of the demo catalog seeded into an empty database in demo mode, 300; given
// outside demo mode, it seeds too), DIST_DIR (built till, dist/), TLS_CERT_FILE and TLS_KEY_FILE
// (serve HTTPS with that PEM certificate chain and key),
// BACKUP_QUOTA_MB (space for the off-site backup sets of one till, 2048), BACKUP_MAX_SETS (10),
// BACKUP_MAX_FILES (20000), LOG_LEVEL (info; JSON lines on stdout), SHUTDOWN_TIMEOUT_MS (10000:
// how long SIGTERM/SIGINT wait for requests in flight), DB_TIMEOUT_MS (30000: bound on every
// database call), READY_TIMEOUT_MS (2000: bound on the /api/v1/ready probe).
// Exit codes: 0 after a graceful stop; 1 when the back office cannot start (a readable message,
// no stack) or when the embedded database failed for good (a supervisor restarts it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, startBackOffice } from './backOffice';
import { parseTrustProxy } from './http/clientIp';
import { createLogger } from './log';
import { openDatabase } from './store/open';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, '.data'));
const logger = createLogger({ level: env.LOG_LEVEL });
const log = (line: string) => logger.info(line);
const num = (v: string | undefined) => (v ? Number(v) : undefined);

function fail(message: string): never {
  logger.fatal(message);
  process.exit(1);
}

let db: Awaited<ReturnType<typeof openDatabase>>;
let server: Awaited<ReturnType<typeof startBackOffice>>;
try {
  db = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir, schema: env.DATABASE_SCHEMA || undefined });
  const distDir = env.DIST_DIR ? path.resolve(env.DIST_DIR) : undefined;
  const backupQuotaBytes = env.BACKUP_QUOTA_MB ? Number(env.BACKUP_QUOTA_MB) * 1024 * 1024 : undefined;
  // HTTPS from the back office itself (a shop LAN without a proxy): PEM files named in the environment.
  const tls = env.TLS_CERT_FILE && env.TLS_KEY_FILE ? { cert: readFileSync(env.TLS_CERT_FILE), key: readFileSync(env.TLS_KEY_FILE) } : undefined;
  const demo = env.POS_DEMO === '1' || process.argv.includes('--demo');
  // The demo shop is seeded into an empty database in demo mode only (or when DEMO_ARTICLES asks
  // for it, for tests and benches): a real shop starts empty and fills its catalog from the admin page.
  const seedDemo = demo || env.DEMO_ARTICLES !== undefined;
  server = await startBackOffice({
    db, port, host, adminPassword: env.ADMIN_PASSWORD || undefined, demo, seedDemo, trustProxy: parseTrustProxy(env.TRUST_PROXY),
    demoArticles: num(env.DEMO_ARTICLES), distDir, backupQuotaBytes, tls,
    backupLimits: { maxSets: num(env.BACKUP_MAX_SETS), maxFiles: num(env.BACKUP_MAX_FILES) },
    dbTimeoutMs: num(env.DB_TIMEOUT_MS), readyTimeoutMs: num(env.READY_TIMEOUT_MS),
    log, logger,
    onFatal: (err) => {
      logger.fatal({ err: err instanceof Error ? err.message : String(err) }, 'the embedded database failed; stopping so a supervisor restarts the back office');
      void stop('database failure', 1);
    },
  });
} catch (err) {
  fail(`the back office cannot start: ${err instanceof Error ? err.message : String(err)}`);
}
log(`${db.engine === 'postgres' ? 'PostgreSQL' : `PGlite in ${path.join(dataDir, 'pglite')}`}`);
log(`till: ${server.url}/   admin: ${server.url}/admin/`);

let stopping = false;
async function stop(signal: string, code = 0) {
  if (stopping) return;
  stopping = true;
  const timeoutMs = num(env.SHUTDOWN_TIMEOUT_MS) ?? 10_000;
  logger.info({ signal, inFlightBoundMs: timeoutMs }, `${signal}: stopping, requests in flight may finish`);
  const drained = await server.shutdown(timeoutMs);
  logger.info(drained, drained.timedOut ? `stopped accepting; ${drained.cut} requests cut after ${timeoutMs} ms` : 'all requests finished');
  try {
    await db.close();
    logger.info('database closed');
  } catch (err) {
    logger.error({ err: err instanceof Error ? err.message : String(err) }, 'closing the database failed');
    code ||= 1;
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
