// The benchmark's back office (`tsx tests/bench/bench-server.ts`): server/main.ts's server plus
// RxDB's replication endpoint (/api/v1/rxdb, server/http/rxdbRoutes.ts) that the peer benchmark
// (rxdb-bench.ts) syncs from. The production server never mounts it. Environment as server/main.ts:
// PORT, HOST, DATA_DIR, DATABASE_URL, ADMIN_PASSWORD, DEMO_ARTICLES, DIST_DIR.
import path from 'node:path';
import { REPO_ROOT, startBackOffice } from '../../server/backOffice';
import { rxdbRoutes } from '../../server/http/rxdbRoutes';
import { openDatabase } from '../../server/store/open';

const env = process.env;
const log = (line: string) => console.log(`[bench back office] ${line}`);
const db = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, '.data')) });
const server = await startBackOffice({
  db,
  port: Number(env.PORT ?? 8787),
  host: env.HOST ?? '127.0.0.1',
  adminPassword: env.ADMIN_PASSWORD || undefined,
  demoArticles: env.DEMO_ARTICLES ? Number(env.DEMO_ARTICLES) : undefined,
  distDir: env.DIST_DIR ? path.resolve(env.DIST_DIR) : undefined,
  log,
  extraApiRoutes: [{ path: '/rxdb', routes: rxdbRoutes({ db }) }],
});
log(`till: ${server.url}/   rxdb: ${server.url}/api/v1/rxdb/`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
