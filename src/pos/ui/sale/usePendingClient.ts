// Picks up a client chosen on the Customers screen ("attach to current sale") and attaches it,
// re-pricing the lines for the client's price list.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../app/AppContext';
import { attachClient, effectiveUnitPrice } from '../../domain';
import { readCurrentCart, writeCurrentCart } from './currentSale';
import type { OrgDatabase } from '../../../db/schema';
import type { Clock } from '../../../app/clock';

export async function attachClientToSale(db: OrgDatabase, clock: Clock, clientId: string | null): Promise<void> {
  const client = clientId ? await db.clients.get(clientId) : null;
  const cart = await readCurrentCart(db);
  const ids = cart.lines.map((l) => l.articleId).filter((id): id is string => id !== null);
  const [articles, prices, priceLists] = await Promise.all([
    db.articles.bulkGet(ids),
    db.prices.where('articleId').anyOf(ids).toArray(),
    db.priceLists.toArray(),
  ]);
  const byId = new Map(articles.filter((a) => a !== undefined).map((a) => [a.id, a]));
  const now = clock.now().getTime();
  const next = attachClient(cart, client ? { id: client.id, priceListId: client.priceListId } : null, (line, priceListId) => {
    const article = line.articleId ? byId.get(line.articleId) : undefined;
    if (!article) return null;
    return effectiveUnitPrice({ article, prices: prices.filter((p) => p.articleId === article.id), priceLists, priceListId, now }).unitPrice;
  });
  await writeCurrentCart(db, next);
}

export function usePendingClient(): void {
  const { db, clock } = useApp();
  const pending = useLiveQuery(() => db.settings.get('pendingClient'), [db]);
  useEffect(() => {
    if (typeof pending?.value !== 'string') return;
    const clientId = pending.value;
    void db.settings.delete('pendingClient').then(() => attachClientToSale(db, clock, clientId));
  }, [pending, db, clock]);
}
