// The returned items of a refund without a receipt, held as a domain Cart (priced at the
// article's base price), with the operations the Refund screen offers.
import { useState } from 'react';
import type { ArticleRow } from '../../../db/schema';
import { addArticle, emptyCart, removeLine, setQuantity, type Cart, type CartFailure } from '../../domain';

export function useRefundCart(): {
  cart: Cart;
  error: CartFailure | null;
  add(article: ArticleRow): void;
  setQty(lineId: string, qtyMilli: number): void;
  remove(lineId: string): void;
} {
  const [cart, setCart] = useState<Cart>(emptyCart);
  const [error, setError] = useState<CartFailure | null>(null);
  const apply = (r: { ok: true; value: Cart } | { ok: false; reason: CartFailure }) => {
    if (r.ok) {
      setCart(r.value);
      setError(null);
    } else setError(r.reason);
  };
  return {
    cart,
    error,
    add: (a) => apply(addArticle(cart, a, a.price)),
    setQty: (lineId, q) => apply(q <= 0 ? removeLine(cart, lineId) : setQuantity(cart, lineId, q)),
    remove: (lineId) => apply(removeLine(cart, lineId)),
  };
}
