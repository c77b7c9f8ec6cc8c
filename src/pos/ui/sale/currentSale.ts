// The open sale: a domain Cart kept in the organization's settings table, so a reload, a crash or
// a closed tab in the middle of a sale loses nothing. Parking moves it to db.parked.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useApp } from '../../../ui/AppContext';
import type { OrgDatabase } from '../../../db/schema';
import { emptyCart, type Cart } from '../../domain';
import { openSaleStore } from '../openSaleStore';

const KEY = 'currentSale';

export async function readCurrentCart(db: OrgDatabase): Promise<Cart> {
  const row = await db.settings.get(KEY);
  return (row?.value as Cart | undefined) ?? emptyCart();
}

export async function writeCurrentCart(db: OrgDatabase, cart: Cart): Promise<void> {
  await db.settings.put({ key: KEY, value: cart });
}

/** The open cart (undefined while loading) and a setter that persists it. */
export function useCurrentSale(): { cart: Cart | undefined; setCart(cart: Cart): Promise<void> } {
  const { db } = useApp();
  const cart = useLiveQuery(() => readCurrentCart(db), [db]);
  useEffect(() => {
    openSaleStore.set(!!cart && cart.lines.length > 0);
  }, [cart]);
  return { cart, setCart: (c) => writeCurrentCart(db, c) };
}
