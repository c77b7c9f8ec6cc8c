// Valid records and engine deps for sync tests: a fresh database with a unique name each time.
import { OrgDatabase } from '../../db/schema';
import type { Article, Price, Receipt } from '@model';
import type { EngineDeps } from '../engine/types';
import type { SyncStore } from '../engine/store';
import { savePairing } from '../engine/pair';
import { syncStoreOf } from '../dexieStore';
import { BACK_OFFICE_URL, type TestBackOffice } from './testBackOffice';

let dbCounter = 0;
export function freshDb(): OrgDatabase {
  dbCounter += 1;
  return new OrgDatabase(`sync-test-${dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export const NOW = new Date('2026-03-01T10:00:00.000Z');

/** A test's store: a Dexie database gets its adapter. */
function storeOf(target: SyncStore | OrgDatabase): SyncStore {
  return target instanceof OrgDatabase ? syncStoreOf(target) : target;
}

export function engineDeps(target: SyncStore | OrgDatabase, over: Partial<EngineDeps> = {}): EngineDeps {
  return { store: storeOf(target), fetch: (i, init) => fetch(i, init), clock: { now: () => NOW }, random: () => 0.5, timeoutMs: 200, ...over };
}

/** Pairs the store with the back office directly (no HTTP) as till 'till-1', as if pair() had
 * succeeded; `null` for tests that never reach a server. */
export async function pairWith(server: TestBackOffice | null, target: SyncStore | OrgDatabase): Promise<void> {
  const token = server ? await server.addTill('till-1') : `tok-direct-${'y'.repeat(40)}`;
  await savePairing(
    storeOf(target),
    BACK_OFFICE_URL,
    {
      tillId: 'till-1',
      token,
      tillCode: 'T1',
      organization: { id: 'org1', name: 'Shop' },
      stores: [],
      categories: [
        { name: 'prices', periodSec: 900 },
        { name: 'articles', periodSec: 3600 },
        { name: 'currencies', periodSec: null },
        { name: 'clients', periodSec: null },
        { name: 'rights', periodSec: null },
        { name: 'parameters', periodSec: null },
      ],
      serverTime: NOW.toISOString(),
    },
    NOW.toISOString(),
  );
}

export function anArticle(n: number, over: Partial<Article> = {}): Article {
  return { id: `a${n}`, sku: `SKU${n}`, name: `Article ${n}`, groupId: null, barcodes: [`200000${n}`], unit: 'pcs', vatRate: 2000, price: 100 + n, active: true, ...over };
}

export function aPrice(n: number, amount: number): Price {
  return { id: `p${n}`, priceListId: 'pl1', articleId: `a${n}`, amount, validFrom: null, validTo: null };
}

export function aReceipt(n: number): Receipt {
  return {
    id: `r${n}`,
    number: `T1-${String(n).padStart(6, '0')}`,
    kind: 'sale',
    tillId: 'till-1',
    shiftId: 'sh1',
    operatorId: 'op1',
    clientId: null,
    refundOf: null,
    createdAt: NOW.toISOString(),
    currency: 'EUR',
    taxMode: 'inclusive',
    lines: [{ articleId: 'a1', sku: 'SKU1', name: 'Article 1', qtyMilli: 1000, unitPrice: 250, vatRate: 2000, discount: 0, total: 250, vat: 42 }],
    basketDiscount: 0,
    subtotal: 250,
    vatTotal: 42,
    total: 250,
    tenders: [{ method: 'cash', amount: 250, currency: 'EUR', foreignAmount: null, rate: null, label: null }],
    change: 0,
  };
}
