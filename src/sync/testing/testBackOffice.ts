// The real back office (server/http/app.ts on an in-memory PGlite) played by msw at the network
// edge, for engine and UI tests: one implementation of the protocol, not a second one to keep in
// step. In front of it, a layer that records what the till sent and can fail the next requests
// the ways the real network does (or be replaced per test by msw handlers of its own).
// One PGlite per test file (start() in beforeAll); reset() between tests empties it.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { createApp } from '../../../server/http/app';
import { prepareDatabase } from '../../../server/backOffice';
import { sha256Hex } from '../../../server/crypto';
import { openPglite } from '../../../server/store/pglite';
import { writeRecords } from '../../../server/store/records';
import { insertSyncCode, insertTill } from '../../../server/store/tills';
import type { Database } from '../../../server/store/sql';
import type { CheckpointKeys } from '../../../server/sync/checkpoint';
import { CATEGORY_PERIODS } from '../../../server/sync/pair';
import { API_PREFIX, createManualClock, type ManualClock, type RecordKind } from '@model';

export const BACK_OFFICE_URL = 'http://backoffice.test';

/** The back office's default sync period per category (given to a till when it pairs). */
export const DEFAULT_PERIODS = CATEGORY_PERIODS;

export type Fault = 'offline' | 'server-error' | 'rate-limited' | 'unauthorized' | 'malformed' | 'timeout' | 'lose-response';
type Route = 'pull' | 'push' | 'pair';

const TABLES = ['records', 'receipts', 'shift_reports', 'mutations', 'tills', 'sync_codes', 'backup_files', 'backup_sets'];

export class TestBackOffice {
  /** Every mutation id the server received, one entry per reception (retries included). */
  received: string[] = [];
  /** Mutations per push request, in order. */
  pushBatches: number[] = [];
  /** `category:checkpoint` of every pull that reached the server ('' for none). */
  pullRequests: string[] = [];
  /** The next requests of each route fail this way, one fault per request. */
  faults: Record<Route, Fault[]> = { pull: [], push: [], pair: [] };
  retryAfterSec = 7;
  /** Server think time per push, to widen race windows. */
  pushLatencyMs = 0;
  /** While true every request fails as if the network were down. */
  down = false;
  private app: { fetch(request: Request): Response | Promise<Response> };

  private constructor(
    readonly db: Database,
    readonly clock: ManualClock,
    private keys: CheckpointKeys,
  ) {
    this.app = this.newApp();
  }

  static async start(): Promise<TestBackOffice> {
    const db = await openPglite();
    const clock = createManualClock(new Date('2026-03-01T10:00:00.000Z'));
    const keys = await prepareDatabase(db, { clock, seedDemo: false, adminPassword: 'test-admin' });
    await db.query(`INSERT INTO meta (key, value) VALUES ('organization', $1), ('stores', $2)`, [
      JSON.stringify({ id: 'org1', name: 'Shop' }),
      JSON.stringify([{ id: 's1', name: 'Main' }]),
    ]);
    return new TestBackOffice(db, clock, keys);
  }

  /** Empties the database and the records of what was sent; a fresh app (caches, rate limits). */
  async reset(): Promise<void> {
    await this.db.query(`TRUNCATE ${TABLES.join(', ')}`);
    await this.db.query(`UPDATE change_seq SET last = 0 WHERE id = 1`);
    // Till codes (T1, T2…) and document numbers start again, as on a fresh back office.
    await this.db.query(`ALTER SEQUENCE till_number_seq RESTART`);
    await this.db.query(`ALTER SEQUENCE document_seq RESTART`);
    this.received = [];
    this.pushBatches = [];
    this.pullRequests = [];
    this.faults = { pull: [], push: [], pair: [] };
    this.retryAfterSec = 7;
    this.pushLatencyMs = 0;
    this.down = false;
    this.app = this.newApp();
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private newApp() {
    return createApp({ db: this.db, clock: this.clock, keys: this.keys, distDir: '/nonexistent' });
  }

  async issueCode(code = 'ABCD1234'): Promise<string> {
    const now = this.clock.now();
    await insertSyncCode(this.db, code, now, new Date(now.getTime() + 10 * 60_000));
    return code;
  }

  /** A till paired directly (no HTTP): its token. */
  async addTill(tillId: string): Promise<string> {
    const token = `tok-${tillId}-${'y'.repeat(40)}`;
    await this.db.transaction((tx) =>
      insertTill(tx, { id: tillId, tokenHash: sha256Hex(token), installId: `install-${tillId}`, deviceName: 'Test till', appVersion: '0.0.0-test' }, this.clock.now()),
    );
    return token;
  }

  async upsert(kind: RecordKind, id: string, data: unknown): Promise<number> {
    const [rev] = await this.db.transaction((tx) => writeRecords(tx, [{ kind, id, data: data as Record<string, unknown> }], this.clock.now()));
    return rev as number;
  }

  /** Many records in one transaction (seeding). */
  async upsertMany(records: readonly { kind: RecordKind; id: string; data: unknown }[]): Promise<void> {
    await this.db.transaction((tx) => writeRecords(tx, records.map((r) => ({ ...r, data: r.data as Record<string, unknown> })), this.clock.now()));
  }

  async remove(kind: RecordKind, id: string): Promise<number> {
    const [rev] = await this.db.transaction((tx) => writeRecords(tx, [{ kind, id, data: null }], this.clock.now()));
    return rev as number;
  }

  /** Ids of the receipts stored, in the order they arrived. */
  async receiptsStored(): Promise<string[]> {
    return (await this.db.query<{ id: string }>(`SELECT id FROM receipts ORDER BY rev`)).map((r) => r.id);
  }

  /** Every checkpoint handed out so far stops being valid (as after a database restore). */
  expireCheckpoints(): void {
    this.keys = { ...this.keys, epoch: `${this.keys.epoch}-x` };
    this.app = this.newApp();
  }

  handlers() {
    return [http.all(`${BACK_OFFICE_URL}/*`, ({ request }) => this.handle(request))];
  }

  private async handle(request: Request): Promise<Response> {
    if (this.down) return HttpResponse.error();
    const path = new URL(request.url).pathname;
    const route: Route | null = path === `${API_PREFIX}/pair` ? 'pair' : path === `${API_PREFIX}/push` ? 'push' : path.startsWith(`${API_PREFIX}/pull/`) ? 'pull' : null;
    if (route) {
      const fault = await this.fault(route);
      if (fault) return fault;
    }
    if (route === 'pull') {
      const url = new URL(request.url);
      this.pullRequests.push(`${path.slice(`${API_PREFIX}/pull/`.length)}:${url.searchParams.get('cp') ?? ''}`);
    }
    if (route === 'push') {
      if (this.pushLatencyMs > 0) await delay(this.pushLatencyMs);
      const body = (await request.clone().json().catch(() => null)) as { mutations?: { id?: unknown }[] } | null;
      if (Array.isArray(body?.mutations)) {
        this.pushBatches.push(body.mutations.length);
        for (const m of body.mutations) this.received.push(String(m?.id));
      }
    }
    const response = await this.app.fetch(request);
    if (route && this.faults[route][0] === 'lose-response') {
      // The server committed; the answer is lost on the way back.
      this.faults[route].shift();
      return HttpResponse.error();
    }
    return response;
  }

  private async fault(route: Route): Promise<Response | undefined> {
    const f = this.faults[route][0];
    if (!f || f === 'lose-response') return undefined;
    this.faults[route].shift();
    if (f === 'offline') return HttpResponse.error();
    if (f === 'server-error') return HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 503 });
    if (f === 'rate-limited') return HttpResponse.json({ error: { code: 'rate_limited', message: 'slow' } }, { status: 429, headers: { 'retry-after': String(this.retryAfterSec) } });
    if (f === 'unauthorized') return HttpResponse.json({ error: { code: 'till_revoked', message: 'no' } }, { status: 401 });
    if (f === 'malformed') return HttpResponse.json({ items: 'nope' });
    await delay(2_000);
    return HttpResponse.json({});
  }
}

/** For a test file: msw listening (unhandled requests are errors), one back office started once
 * and emptied before each test, its handlers reinstalled (so handlers a test adds in front with
 * `server.use` last one test). */
export function withTestBackOffice(): { readonly current: TestBackOffice; readonly server: ReturnType<typeof setupServer> } {
  const server = setupServer();
  let current: TestBackOffice | undefined;
  beforeAll(async () => {
    current = await TestBackOffice.start();
    server.listen({ onUnhandledRequest: 'error' });
  });
  afterAll(async () => {
    server.close();
    await current?.close();
  });
  beforeEach(async () => {
    await current?.reset();
    server.resetHandlers(...(current?.handlers() ?? []));
  });
  return {
    get current() {
      if (!current) throw new Error('the test back office starts in beforeAll');
      return current;
    },
    server,
  };
}
