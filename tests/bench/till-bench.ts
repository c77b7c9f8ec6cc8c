// Till benchmarks in Chromium with 100,000 articles: barcode lookup, name-prefix search and sale
// commit, each next to its floor measured in the same run (raw IndexedDB get / put).
import { OrgDatabase, toArticleRow } from '../../src/db/schema';
import { generateDemoShop } from '@demo';
import { findByBarcode, searchArticles } from '../../src/pos/services/catalog';
import { commitReceipt } from '../../src/pos/services/sales';
import type { Receipt } from '@model';
import { stats } from './stats';

export interface TillFigures {
  articles: number;
  seedMs: number;
  barcode: { p50: number; p95: number };
  barcodeFloor: { p50: number; p95: number };
  prefix: { p50: number; p95: number };
  commit: { p50: number; p95: number };
  commitFloor: { p50: number; p95: number };
}

const now = () => performance.now();

function rawGet(db: IDBDatabase, store: string, key: string): Promise<unknown> {
  return new Promise((res, rej) => {
    const r = db.transaction(store).objectStore(store).get(key);
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(new Error(`raw get: ${r.error?.name}`));
  });
}

function rawPut(db: IDBDatabase, store: string, value: object): Promise<void> {
  return new Promise((res, rej) => {
    const tx = db.transaction(store, 'readwrite', { durability: 'strict' });
    const r = tx.objectStore(store).put(value);
    tx.oncomplete = () => res();
    r.onerror = () => rej(new Error(`raw put: ${r.error?.name} ${r.error?.message}`));
  });
}

export async function browserTillBench(n: number): Promise<TillFigures> {
  try {
    return await tillBench(n);
  } catch (e) {
    // Playwright loses non-Error throws (Dexie, DOMException): hand back a readable error.
    throw new Error(e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e), { cause: e });
  }
}

async function tillBench(n: number): Promise<TillFigures> {
  const run = Math.random().toString(36).slice(2);
  const db = new OrgDatabase(`till-bench-${run}`);
  const catalog = generateDemoShop({ articles: n });
  let t = now();
  await db.articles.bulkPut(catalog.articles.map((a) => toArticleRow(a, 'erp')));
  const seedMs = now() - t;
  await db.shifts.put({ id: 's1', tillId: 't', number: 1, openedBy: 'o', closedBy: null, openedAt: new Date(0).toISOString(), closedAt: null, openingFloat: 0, cashIn: 0, cashOut: 0, salesCount: 0, refundsCount: 0, salesTotal: 0, refundsTotal: 0, byMethod: {}, expectedCash: 0, countedCash: null, difference: null, status: 'open', cashMoves: [] });
  const raw = db.backendDB();
  const samples = 300;
  const pick = (i: number) => catalog.articles[(i * 7919) % n]!;

  const barcode: number[] = [];
  const barcodeFloor: number[] = [];
  for (let i = 0; i < samples; i++) {
    const a = pick(i);
    t = now();
    await findByBarcode(db, a.barcodes[0]!);
    barcode.push(now() - t);
    t = now();
    await rawGet(raw, 'articles', a.id);
    barcodeFloor.push(now() - t);
  }
  const words = ['bag', 'mil', 'cro', 'app', 'ora', 'pas', 'ham', 'ice', 'cand', 'tea'];
  const prefix: number[] = [];
  for (let i = 0; i < samples; i++) {
    t = now();
    await searchArticles(db, words[i % words.length]!);
    prefix.push(now() - t);
  }
  const commit: number[] = [];
  const commitFloor: number[] = [];
  for (let i = 0; i < 200; i++) {
    const a = pick(i);
    const receipt = (seq: number): Receipt => ({
      id: `r-${run}-${i}`, number: `B1-${String(seq).padStart(6, '0')}`, kind: 'sale', tillId: 't', shiftId: 's1', operatorId: 'o', clientId: null, refundOf: null,
      createdAt: new Date(0).toISOString(), currency: 'EUR', taxMode: 'inclusive',
      lines: [{ articleId: a.id, sku: a.sku, name: a.name, qtyMilli: 1000, unitPrice: a.price, vatRate: a.vatRate, discount: 0, total: a.price, vat: 0 }],
      basketDiscount: 0, subtotal: a.price, vatTotal: 0, total: a.price,
      tenders: [{ method: 'cash', amount: a.price, currency: 'EUR', foreignAmount: null, rate: null, label: null }], change: 0,
    });
    t = now();
    const r = await commitReceipt(db, receipt, new Date(0).toISOString());
    commit.push(now() - t);
    if (!r.ok) throw new Error(`commit failed: ${r.reason}`);
    // Negative seq and its own number keep the floor rows out of the till's numbering.
    const floorRow = { ...receipt(1), id: `floor-${i}`, number: `F-${i}`, seq: -(i + 1) };
    t = now();
    await rawPut(raw, 'receipts', floorRow);
    commitFloor.push(now() - t);
  }
  db.close();
  await OrgDatabase.delete(`till-bench-${run}`);
  return { articles: n, seedMs: Math.round(seedMs), barcode: stats(barcode), barcodeFloor: stats(barcodeFloor), prefix: stats(prefix), commit: stats(commit), commitFloor: stats(commitFloor) };
}
