// Back-office benchmark: pull throughput paging through 100,000 articles, and receipts/s pushed
// by 20 concurrent tills, on PGlite and (with PG_TEST_URL) PostgreSQL, side by side.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startBackOffice } from '../../server/backOffice';
import { generateDemoCatalog } from '../../server/demo';
import { openPglite } from '../../server/store/pglite';
import { dropSchema, openPostgres } from '../../server/store/postgres';
import { writeRecords, type RecordWrite } from '../../server/store/records';
import type { Database } from '../../server/store/sql';
import type { Receipt } from '@model';
import { MAX_PULL_LIMIT } from '@model';

const ARTICLES = 100_000;
const TILLS = 20;
const PUSHES_PER_TILL = 25;
const BATCH = 10;

interface EngineResult {
  engine: string;
  seedMs: number;
  pullRows: number;
  pullRowsPerSec: number;
  singleReceiptsPerSec: number;
  batchedReceiptsPerSec: number;
}

async function openEngine(engine: string): Promise<{ db: Database; cleanup: () => Promise<void> }> {
  if (engine === 'postgres') {
    const url = process.env.PG_TEST_URL as string;
    const schema = `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    return { db: await openPostgres(url, { schema, max: 20 }), cleanup: () => dropSchema(url, schema) };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'pos-bench-'));
  return { db: await openPglite(dir), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

async function json(url: string, init: RequestInit & { token?: string; body?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { ...init, headers });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json() as Promise<Record<string, unknown>>;
}

function receipt(tillId: string): Receipt {
  return {
    id: randomUUID(), number: 'B-1', kind: 'sale', tillId, shiftId: 's', operatorId: 'op', clientId: null, refundOf: null,
    createdAt: new Date().toISOString(), currency: 'EUR', taxMode: 'inclusive',
    lines: Array.from({ length: 5 }, (_, i) => ({ articleId: `art-${String(i + 1).padStart(6, '0')}`, sku: `SKU${i}`, name: 'Item', qtyMilli: 1000, unitPrice: 199, vatRate: 2000, discount: 0, total: 199, vat: 33 })),
    basketDiscount: 0, subtotal: 995, vatTotal: 165, total: 995,
    tenders: [{ method: 'card', amount: 995, currency: 'EUR', foreignAmount: null, rate: null, label: null }], change: 0,
  };
}

async function benchEngine(engine: string): Promise<EngineResult> {
  const { db, cleanup } = await openEngine(engine);
  const server = await startBackOffice({ db, seedDemo: false, adminPassword: 'bench-password' });
  try {
    const catalog = generateDemoCatalog({ articles: ARTICLES, seed: 1 });
    const writes: RecordWrite[] = [
      ...catalog.groups.map((g) => ({ kind: 'articleGroup' as const, id: g.id, data: g })),
      ...catalog.articles.map((a) => ({ kind: 'article' as const, id: a.id, data: a })),
    ];
    let t0 = performance.now();
    await db.transaction((tx) => writeRecords(tx, writes, new Date()));
    const seedMs = performance.now() - t0;
    const api = `${server.url}/api/v1`;
    const admin = (await json(`${api}/admin/login`, { method: 'POST', body: JSON.stringify({ password: 'bench-password' }) })).token as string;
    const pair = async () => {
      const { code } = await json(`${api}/admin/sync-codes`, { method: 'POST', token: admin });
      const r = await json(`${api}/pair`, { method: 'POST', body: JSON.stringify({ code, installId: `bench-${randomUUID()}`, deviceName: 'bench', appVersion: 'bench' }) });
      return { tillId: r.tillId as string, token: r.token as string };
    };
    const reader = await pair();
    let cp: string | undefined;
    let pullRows = 0;
    t0 = performance.now();
    for (let more = true; more; ) {
      const page = await json(`${api}/pull/articles?limit=${MAX_PULL_LIMIT}${cp ? `&cp=${cp}` : ''}`, { token: reader.token });
      pullRows += (page.items as unknown[]).length;
      cp = page.checkpoint as string;
      more = page.hasMore as boolean;
    }
    const pullMs = performance.now() - t0;
    const tills = await Promise.all(Array.from({ length: TILLS }, pair));
    const pushAll = async (perPush: number) => {
      const start = performance.now();
      await Promise.all(
        tills.map(async (till) => {
          for (let i = 0; i < PUSHES_PER_TILL; i++) {
            const mutations = Array.from({ length: perPush }, () => ({ id: randomUUID(), kind: 'receipt', op: 'upsert', data: receipt(till.tillId) }));
            const r = await json(`${api}/push`, { method: 'POST', token: till.token, body: JSON.stringify({ mutations }) });
            if ((r.results as { status: string }[]).some((x) => x.status !== 'applied')) throw new Error('push not applied');
          }
        }),
      );
      return (TILLS * PUSHES_PER_TILL * perPush) / ((performance.now() - start) / 1000);
    };
    const singleReceiptsPerSec = await pushAll(1);
    const batchedReceiptsPerSec = await pushAll(BATCH);
    return { engine, seedMs, pullRows, pullRowsPerSec: pullRows / (pullMs / 1000), singleReceiptsPerSec, batchedReceiptsPerSec };
  } finally {
    await server.close();
    await db.close();
    await cleanup();
  }
}

export async function runServerBench(): Promise<string[]> {
  const engines = process.env.PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];
  const results: EngineResult[] = [];
  for (const engine of engines) results.push(await benchEngine(engine));
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const col = (label: string, pick: (r: EngineResult) => string) => `${label.padEnd(44)}${results.map((r) => pick(r).padStart(14)).join('')}`;
  return [
    `Back office (${ARTICLES.toLocaleString('en-US')} articles, ${TILLS} tills)`,
    col('', (r) => r.engine),
    col('seed 100k records in one transaction (ms)', (r) => fmt(r.seedMs)),
    col(`pull articles, pages of ${MAX_PULL_LIMIT} (rows/s)`, (r) => fmt(r.pullRowsPerSec)),
    col(`push, 1 receipt per request (receipts/s)`, (r) => fmt(r.singleReceiptsPerSec)),
    col(`push, ${BATCH} receipts per request (receipts/s)`, (r) => fmt(r.batchedReceiptsPerSec)),
    ...(process.env.PG_TEST_URL ? [] : ['(PostgreSQL skipped: set PG_TEST_URL)']),
  ];
}
