// Test and benchmark helpers (imported only by tests and tests/bench): an organization
// filled with deterministic rows, a fixed clock, a destination that counts writes, and a
// table-by-table comparison of two databases.
import { DATA_SETS, OrgDatabase, toArticleRow, toClientRow, type ReceiptRow } from '../db/schema';
import type { Article } from '@model';
import type { BackupClock, BackupDestination } from './format/types';

let dbCounter = 0;
export function freshDb(label = 'org'): OrgDatabase {
  return new OrgDatabase(`backup-test-${label}-${++dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export function stepClock(startIso = '2026-11-23T08:00:00.000Z', stepMs = 1000): BackupClock {
  let t = Date.parse(startIso);
  return { now: () => new Date((t += stepMs)) };
}

const pad = (n: number) => String(n).padStart(7, '0');

export function article(i: number, price = 100 + (i % 900)): Article {
  return {
    id: `a${pad(i)}`, sku: `SKU${i}`, name: `Article ${i} fresh milk`, groupId: `g${i % 20}`, barcodes: [`40000${pad(i)}`],
    unit: i % 7 === 0 ? 'kg' : 'pcs', vatRate: 2000, price, active: i % 13 !== 0,
  };
}

export function receipt(i: number): ReceiptRow {
  const total = 100 + (i % 5000);
  return {
    id: `r${pad(i)}`, number: `T1-${pad(i)}`, kind: 'sale', tillId: 't1', shiftId: `s${Math.floor(i / 500)}`, operatorId: 'op1',
    clientId: i % 10 === 0 ? `c${pad(i % 300)}` : null, refundOf: null, createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    currency: 'EUR', taxMode: 'inclusive',
    lines: [{ articleId: `a${pad(i % 1000)}`, sku: `SKU${i % 1000}`, name: `Article ${i % 1000}`, qtyMilli: 1000, unitPrice: total, vatRate: 2000, discount: 0, total, vat: Math.round(total / 6) }],
    basketDiscount: 0, subtotal: total, vatTotal: Math.round(total / 6), total,
    tenders: [{ method: 'cash', amount: total, currency: 'EUR', foreignAmount: null, rate: null, label: null }], change: 0, seq: i,
  };
}

export async function seedOrg(db: OrgDatabase, n: { articles: number; receipts: number; clients?: number }): Promise<void> {
  const batch = 5000;
  for (let s = 0; s < n.articles; s += batch) {
    const rows = [];
    for (let i = s; i < Math.min(n.articles, s + batch); i++) rows.push(toArticleRow(article(i), 'erp'));
    await db.articles.bulkPut(rows);
  }
  for (let s = 0; s < n.receipts; s += batch) {
    const rows = [];
    for (let i = s; i < Math.min(n.receipts, s + batch); i++) rows.push(receipt(i));
    await db.receipts.bulkPut(rows);
  }
  const clients = n.clients ?? 50;
  await db.clients.bulkPut(
    Array.from({ length: clients }, (_, i) =>
      toClientRow({ id: `c${pad(i)}`, name: `Client ${i}`, phone: null, email: null, cardNumber: null, discountBp: 0 } as never, 'erp'),
    ),
  );
  await db.articleGroups.bulkPut(Array.from({ length: 20 }, (_, i) => ({ id: `g${i}`, name: `Group ${i}`, parentId: null, sort: i, color: null, origin: 'erp' as const })));
  await db.currencies.put({ code: 'EUR', name: 'Euro', decimals: 2, rate: '1', symbol: '€' } as never);
  await db.settings.bulkPut([{ key: 'language', value: 'fr' }, { key: 'tillPrefix', value: 'T1' }]);
  await db.shifts.put({ id: 's0', tillId: 't1', number: 1, openedBy: 'op1', closedBy: null, openedAt: '2026-01-01T08:00:00.000Z', closedAt: null, openingFloat: 10000, cashIn: 0, cashOut: 0, salesCount: 0, refundsCount: 0, salesTotal: 0, refundsTotal: 0, byMethod: {}, expectedCash: 10000, countedCash: null, difference: null, status: 'open', cashMoves: [] });
}

/** Every row of every backed-up table, keyed by table, in primary-key order. */
export async function dumpTables(db: OrgDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const tables of Object.values(DATA_SETS)) for (const t of tables) out[t] = await db.table(t).toArray();
  return out;
}

export interface CountingDestination extends BackupDestination {
  writes: string[];
  removes: string[];
  reset(): void;
}

export function counting(inner: BackupDestination): CountingDestination {
  const self: CountingDestination = {
    kind: inner.kind,
    writes: [],
    removes: [],
    reset() {
      self.writes.length = 0;
      self.removes.length = 0;
    },
    read: (p) => inner.read(p),
    list: (d) => inner.list(d),
    write: async (p, b) => {
      self.writes.push(p);
      await inner.write(p, b);
    },
    remove: async (p) => {
      self.removes.push(p);
      await inner.remove(p);
    },
  };
  return self;
}
