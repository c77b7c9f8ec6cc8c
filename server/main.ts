// Back office entry point: `tsx server/main.ts`. Environment: PORT (8787), HOST (127.0.0.1),
// DATA_DIR (.data/), DATABASE_URL (PostgreSQL; else embedded PGlite), DATABASE_SCHEMA (a schema of
// that database instead of public), ADMIN_PASSWORD, POS_DEMO=1 or --demo (demo mode: password 'admin'
// when none is set), TRUST_PROXY (proxy addresses/CIDRs or a hop count),
// DEMO_ARTICLES (size of the demo catalog seeded into an empty database in demo mode, 300; given
// outside demo mode, it seeds too), DIST_DIR (built till, dist/),
// BACKUP_QUOTA_MB (space for the off-site backup sets of one till, 2048), TLS_CERT_FILE and TLS_KEY_FILE
// (serve HTTPS with that PEM certificate chain and key).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, startBackOffice } from './backOffice';
import { parseTrustProxy } from './http/clientIp';
import { openDatabase } from './store/open';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, '.data'));
const log = (line: string) => console.log(`[back office] ${line}`);

const db = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir, schema: env.DATABASE_SCHEMA || undefined });
const demoArticles = env.DEMO_ARTICLES ? Number(env.DEMO_ARTICLES) : undefined;
const distDir = env.DIST_DIR ? path.resolve(env.DIST_DIR) : undefined;
const backupQuotaBytes = env.BACKUP_QUOTA_MB ? Number(env.BACKUP_QUOTA_MB) * 1024 * 1024 : undefined;
// HTTPS from the back office itself (a shop LAN without a proxy): PEM files named in the environment.
const tls = env.TLS_CERT_FILE && env.TLS_KEY_FILE ? { cert: readFileSync(env.TLS_CERT_FILE), key: readFileSync(env.TLS_KEY_FILE) } : undefined;
const demo = env.POS_DEMO === '1' || process.argv.includes('--demo');
const trustProxy = parseTrustProxy(env.TRUST_PROXY);
// The demo shop is seeded into an empty database in demo mode only (or when DEMO_ARTICLES asks for
// it, for tests and benches): a real shop starts empty and fills its catalog from the admin page.
const seedDemo = demo || env.DEMO_ARTICLES !== undefined;
const server = await startBackOffice({ db, port, host, adminPassword: env.ADMIN_PASSWORD || undefined, demo, seedDemo, trustProxy, demoArticles, distDir, backupQuotaBytes, tls, log });
log(`${db.engine === 'postgres' ? 'PostgreSQL' : `PGlite in ${path.join(dataDir, 'pglite')}`}`);
log(`till: ${server.url}/   admin: ${server.url}/admin/`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  await server.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
