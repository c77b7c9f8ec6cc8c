// The sale screen's commands: price and add an article, scan, change lines, discounts, park.
import { useApp, useSession } from '../../../ui/AppContext';
import type { ArticleRow } from '../../../db/schema';
import { findByBarcode } from '../../services/catalog';
import { addArticle, emptyCart, type Cart, type CartFailure, type CartResult } from '../../domain';
import { priceArticles } from '../../services/pricing';
import { readCurrentCart, writeCurrentCart } from './currentSale';
import { newId } from '../../../db/ids';

export type ScanOutcome = { ok: true; article: ArticleRow } | { ok: false; reason: 'unknown-barcode' | 'needs-quantity' | CartFailure; article?: ArticleRow };

export function useSaleActions() {
  const { db, clock } = useApp();
  const { operator } = useSession();

  async function apply(change: (cart: Cart) => CartResult | Cart): Promise<CartResult> {
    const cart = await readCurrentCart(db);
    const r = change(cart);
    const result: CartResult = 'ok' in r ? r : { ok: true, value: r };
    if (result.ok) await writeCurrentCart(db, result.value);
    return result;
  }

  async function priceOf(article: ArticleRow, priceListId: string | null): Promise<number> {
    return (await priceArticles(db, [article], priceListId, clock.now().getTime())).get(article.id)!;
  }

  async function add(article: ArticleRow, qtyMilli = 1000): Promise<CartResult> {
    const cart = await readCurrentCart(db);
    const price = await priceOf(article, cart.priceListId);
    return apply((c) => addArticle(c, article, price, qtyMilli));
  }

  return {
    apply,
    add,
    priceOf,
    /** A scanned barcode adds a piece article; weighed goods ask for their quantity. */
    async scan(code: string): Promise<ScanOutcome> {
      const article = await findByBarcode(db, code);
      if (!article || !article.active) return { ok: false, reason: 'unknown-barcode' };
      if (article.unit !== 'pcs') return { ok: false, reason: 'needs-quantity', article };
      const r = await add(article);
      return r.ok ? { ok: true, article } : { ok: false, reason: r.reason, article };
    },
    async park(label: string): Promise<boolean> {
      const cart = await readCurrentCart(db);
      if (cart.lines.length === 0) return false;
      await db.transaction('rw', db.parked, db.settings, async () => {
        await db.parked.add({ id: newId(), parkedAt: clock.now().toISOString(), operatorId: operator.id, label, cart });
        await writeCurrentCart(db, emptyCart());
      });
      return true;
    },
    /** Resumes a parked sale; the open one (if any) is parked in its place. */
    async resume(parkedId: string): Promise<void> {
      await db.transaction('rw', db.parked, db.settings, async () => {
        const parked = await db.parked.get(parkedId);
        if (!parked) return;
        const open = await readCurrentCart(db);
        if (open.lines.length > 0) {
          await db.parked.add({ id: newId(), parkedAt: clock.now().toISOString(), operatorId: operator.id, label: '', cart: open });
        }
        await db.parked.delete(parkedId);
        await writeCurrentCart(db, parked.cart as Cart);
      });
    },
    async clear(): Promise<void> {
      await writeCurrentCart(db, emptyCart());
    },
  };
}
