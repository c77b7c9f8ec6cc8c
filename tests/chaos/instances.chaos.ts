// Chaos suite, deployment (docs/deploy.md, recipe (a)): two back-office processes on one
// PostgreSQL behind deploy/Caddyfile.internet (Caddy's local CA standing in for Let's Encrypt).
// Four tills — the real sync engine on IndexedDB (fake-indexeddb), pairing, pulling and pushing
// through Caddy over HTTPS — sell in rounds while the back office edits prices through both
// instances; one instance is killed (-9) in the middle of the run. The tills carry on through
// the other: every sale reaches the server exactly once, and every till ends with exactly the
// server's prices (a puller never skips a revision, whichever instance wrote it).
import 'fake-indexeddb/auto';
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, type Price, type Receipt } from '@model';
import { OrgDatabase } from '../../src/db/schema';
import { enqueueMutation } from '../../src/db/outbox';
import { syncStoreOf } from '../../src/sync/dexieStore';
import { pair, runCycle, type EngineDeps, type FetchLike } from '../../src/sync/engine';
import { dropSchema } from '../../server/store/postgres';
import { startServer, type RunningServer } from '../e2e/harness';
import { startCaddy, type RunningCaddy } from '../e2e/caddy';
import { AdminApi } from '../e2e/admin';

const PG = process.env.PG_TEST_URL;
const TILLS = 4;
const ROUNDS = 12;
const SALES_PER_ROUND = 10;
const KILL_AFTER_ROUND = 4;
const HOST = 'pos.shop.test';

const log = (line: string) => console.log(`[chaos instances ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** The engine's fetch over HTTPS to Caddy on loopback, trusting only the shop's CA (as a tablet does). */
function httpsFetch(ca: string, port: number): FetchLike {
  return (input, init) =>
    new Promise((resolve, reject) => {
      const url = new URL(input);
      const headers = new Headers(init?.headers);
      const req = request(
        { host: '127.0.0.1', port, servername: HOST, method: init?.method ?? 'GET', path: url.pathname + url.search, headers: { ...Object.fromEntries(headers), host: url.host }, ca },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
            resolve(new Response(res.statusCode === 204 ? null : Buffer.concat(chunks), { status: res.statusCode ?? 502, headers: h }));
          });
          res.on('error', reject);
        },
      );
      req.on('error', (e) => reject(new TypeError(`fetch failed: ${e.message}`)));
      init?.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
      if (init?.body) req.write(typeof init.body === 'string' ? init.body : Buffer.from(init.body as ArrayBuffer));
      req.end();
    });
}

interface Till {
  db: OrgDatabase;
  deps: EngineDeps;
  tillId: string;
  sold: string[];
}

function receiptFor(till: Till, n: number): Receipt {
  const id = `${till.tillId}-r${n}`;
  const total = 100 + n;
  return {
    id,
    number: `${till.tillId.slice(0, 6)}-${String(n).padStart(6, '0')}`,
    kind: 'sale',
    tillId: till.tillId,
    shiftId: `${till.tillId}-shift`,
    operatorId: 'op-chaos',
    clientId: null,
    refundOf: null,
    createdAt: new Date().toISOString(),
    currency: 'EUR',
    taxMode: 'inclusive',
    lines: [{ articleId: null, sku: 'CHAOS', name: 'Chaos article', qtyMilli: 1000, unitPrice: total, vatRate: 2000, discount: 0, total, vat: Math.round(total / 6) }],
    basketDiscount: 0,
    subtotal: total,
    vatTotal: Math.round(total / 6),
    total,
    tenders: [{ method: 'cash', amount: total, currency: 'EUR', foreignAmount: null, rate: null, label: null }],
    change: 0,
  };
}

describe.runIf(PG)('two back-office instances on one PostgreSQL behind Caddy, one killed mid-run', () => {
  const schema = `chaos_inst_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
  const env = { DATABASE_URL: PG ?? '', DATABASE_SCHEMA: schema, DEMO_ARTICLES: '200', TRUST_PROXY: '127.0.0.1' };
  let a: RunningServer;
  let b: RunningServer;
  let caddy: RunningCaddy;
  const tills: Till[] = [];

  beforeAll(async () => {
    // The first instance migrates and seeds the empty schema; the second finds it ready.
    a = await startServer(env);
    b = await startServer(env);
    caddy = await startCaddy({ caddyfile: 'deploy/Caddyfile.internet', host: HOST, upstreams: [`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`], env: { POS_CADDY_OPTIONS: 'local_certs\n\tskip_install_trust' } });
  });
  afterAll(async () => {
    await caddy?.stop();
    await a?.stop();
    await b?.stop();
    await Promise.all(tills.map((t) => t.db.delete()));
    if (PG) await dropSchema(PG, schema);
  });

  it('every sale arrives exactly once and every till has the server’s prices', async () => {
    const adminA = await AdminApi.login(a.url, a.adminPassword);
    const adminB = await AdminApi.login(b.url, b.adminPassword);
    const fetch = httpsFetch(caddy.rootCa, caddy.httpsPort);
    const clock = { now: () => new Date() };

    for (let i = 0; i < TILLS; i++) {
      const code = await (i % 2 ? adminB : adminA).syncCode();
      let opened: OrgDatabase | null = null;
      const openStore = (org: string) => syncStoreOf((opened = new OrgDatabase(`chaos-${schema}-${i}-${org}`)));
      const paired = await pair({ fetch, clock, serverUrl: caddy.url, installId: `chaos-install-${i}-${schema}`, deviceName: `Till ${i + 1}`, appVersion: '0.1.0', openStore }, code);
      if (!paired.ok || !opened) throw new Error(`pairing ${i} failed: ${paired.ok ? 'no database' : `${paired.reason} ${paired.code ?? ''}`}`);
      const db: OrgDatabase = opened;
      tills.push({ db, deps: { store: syncStoreOf(db), fetch, clock, random: Math.random, timeoutMs: 15_000 }, tillId: paired.link.tillId, sold: [] });
    }
    log(`${TILLS} tills paired through ${caddy.url}`);

    const prices = (await adminA.records<Price>('price', '?limit=40')).items.map((p) => p.data);
    let priceEdits = 0;
    let failedCycles = 0;
    let killedAt: string | null = null;
    let servedByA = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // The back office edits prices through both instances (the live one after the kill).
      const writers = killedAt ? [adminB] : [adminA, adminB];
      for (const [k, admin] of writers.entries()) {
        const p = prices[(round * 2 + k) % prices.length]!;
        await admin.put('price', p.id, { ...p, amount: p.amount + round + 1 });
        priceEdits++;
      }
      // Sales at every till, then a sync cycle each, all tills at once.
      await Promise.all(
        tills.map(async (till) => {
          for (let s = 0; s < SALES_PER_ROUND; s++) {
            const r = receiptFor(till, till.sold.length + 1);
            await till.db.transaction('rw', [till.db.outbox, till.db.settings], () => enqueueMutation(till.db, { id: `m-${r.id}`, kind: 'receipt', op: 'upsert', data: r }, r.createdAt));
            till.sold.push(r.id);
          }
          const cycle = await runCycle(till.deps, CATEGORIES);
          if (cycle.failure) failedCycles++;
        }),
      );
      if (round === KILL_AFTER_ROUND) {
        // Kill instance A while the tills are in the middle of their next cycle.
        const inFlight = Promise.all(tills.map((t) => runCycle(t.deps, CATEGORIES).then((c) => void (c.failure && failedCycles++))));
        await new Promise((r) => setTimeout(r, 50));
        servedByA = a.log().split('\n').filter((l) => l.includes('"path":"/api/v1/push"')).length;
        a.process.kill('SIGKILL');
        killedAt = `round ${round}`;
        log(`instance A killed -9 during round ${round}'s extra cycle`);
        await inFlight;
      }
    }

    // Carry on until every outbox is empty (through B alone now), bounded.
    const deadline = Date.now() + 120_000;
    for (;;) {
      const pending = (await Promise.all(tills.map((t) => t.db.outbox.count()))).reduce((x, y) => x + y, 0);
      if (pending === 0) break;
      if (Date.now() > deadline) throw new Error(`${pending} sales still unsent after 120 s`);
      await Promise.all(tills.map((t) => runCycle(t.deps, CATEGORIES).then((c) => void (c.failure && failedCycles++))));
    }
    await Promise.all(tills.map((t) => runCycle(t.deps, ['prices'])));

    const sent = tills.flatMap((t) => t.sold);
    const server = (await adminB.call<{ items: { id: string; number: string }[]; total: number }>('GET', '/receipts?limit=1000')).items;
    const serverIds = server.map((r) => r.id);
    const lost = sent.filter((id) => !serverIds.includes(id));
    const duplicated = serverIds.length - new Set(serverIds).size;
    log(`sales sent ${sent.length}, on the server ${serverIds.length}, lost ${lost.length}, duplicated ${duplicated}; price edits ${priceEdits}; failed sync cycles ${failedCycles} (A killed ${killedAt} after serving ${servedByA} pushes)`);
    expect(killedAt).not.toBeNull();
    // Both instances served tills before the kill.
    expect(servedByA).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(duplicated).toBe(0);
    expect(serverIds.length).toBe(sent.length);

    // Revision order across instances: each till holds exactly the server's prices.
    const all = await adminB.records<Price>('price', '?limit=1000');
    expect(all.total).toBeLessThanOrEqual(1000);
    const serverPrices = new Map(all.items.map((p) => [p.id, p.data.amount]));
    for (const till of tills) {
      const local = new Map((await till.db.prices.toArray()).map((p) => [p.id, p.amount]));
      expect(local).toEqual(serverPrices);
    }
  });
});
