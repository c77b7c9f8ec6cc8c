// Test-only bundle injected into the till page (tests/chaos/inject.ts), never shipped: it sells
// through the till's own service layer, the code path the pay button takes (pricing service →
// domain cart, totals, settlement, receipt → commitReceipt: receipt, stock moves and outbox row in
// one transaction), and reads the till's state back for the final comparison.
import { OrgDatabase } from '../../src/db/schema';
import { addArticle, computeTotals, createReceipt, emptyCart, settle, toTender, type Cart } from '../../src/pos/domain';
import { priceArticles } from '../../src/pos/services/pricing';
import { commitReceipt, getTillIdentity } from '../../src/pos/services/sales';

export interface SellArgs {
  dbName: string;
  count: number;
  /** Seed for which articles and quantities each sale takes. */
  seed: number;
}

export interface SellResult {
  ids: string[];
  failures: string[];
}

const dbs = new Map<string, OrgDatabase>();
function open(name: string): OrgDatabase {
  let db = dbs.get(name);
  if (!db) dbs.set(name, (db = new OrgDatabase(name)));
  return db;
}

export async function sell({ dbName, count, seed }: SellArgs): Promise<SellResult> {
  const db = open(dbName);
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const [parameters, currencies, discounts, groups, articles, shift] = await Promise.all([
    db.parameters.get('shop'),
    db.currencies.toArray(),
    db.discounts.toArray(),
    db.articleGroups.toArray(),
    db.articles.limit(50).toArray(),
    db.shifts.where('status').equals('open').first(),
  ]);
  if (!parameters || !shift) throw new Error('the till has no parameters or no open shift');
  const sellable = articles.filter((a) => a.active && a.unit === 'pcs');
  const base = currencies.find((c) => c.code === parameters.baseCurrency);
  const ctx = { baseCurrency: parameters.baseCurrency, baseDecimals: base?.decimals ?? 2, cashRounding: parameters.cashRounding };
  const ids: string[] = [];
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const now = new Date();
    const picked = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => sellable[Math.floor(rnd() * sellable.length)]!);
    const prices = await priceArticles(db, picked, null, now.getTime());
    let cart: Cart = emptyCart();
    for (const a of picked) {
      const r = addArticle(cart, a, prices.get(a.id) ?? a.price, 1000 * (1 + Math.floor(rnd() * 3)));
      if (!r.ok) throw new Error(`addArticle: ${r.reason}`);
      cart = r.value;
    }
    const totals = computeTotals(cart, { taxMode: parameters.taxMode, now: now.getTime(), discounts, groups });
    const tender = toTender({ method: 'cash', amount: totals.total }, ctx);
    if (!tender.ok) throw new Error(`toTender: ${tender.reason}`);
    const settlement = settle(totals.total, [tender.value], ctx);
    if (!settlement.ok) throw new Error(`settle: ${settlement.reason}`);
    const till = await getTillIdentity(db);
    const id = crypto.randomUUID();
    const result = await commitReceipt(
      db,
      (seq) => {
        const r = createReceipt({ id, tillId: till.tillId, tillCode: till.tillCode, seq, now: now.getTime(), operatorId: shift.openedBy, shiftId: shift.id, currency: ctx.baseCurrency, totals, settlement: settlement.value });
        if (!r.ok) throw new Error(`createReceipt: ${r.reason}`);
        return r.value;
      },
      now.toISOString(),
    );
    if (result.ok) ids.push(result.receipt.id);
    else failures.push(result.reason);
  }
  return { ids, failures };
}

export interface TillSnapshot {
  receipts: { id: string; number: string; total: number }[];
  outbox: number;
  stockMoves: number;
  cartLines: number;
}

export async function snapshot({ dbName }: { dbName: string }): Promise<TillSnapshot> {
  const db = open(dbName);
  const [receipts, outbox, stockMoves, cart] = await Promise.all([db.receipts.toArray(), db.outbox.count(), db.stockMoves.count(), db.settings.get('currentSale')]);
  return {
    receipts: receipts.map((r) => ({ id: r.id, number: r.number, total: r.total })),
    outbox,
    stockMoves,
    cartLines: (cart?.value as Cart | undefined)?.lines.length ?? 0,
  };
}
