// Picks up a client chosen on the Customers screen ("attach to current sale") and attaches it,
// re-pricing the lines for the client's price list.
import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../../../ui/AppContext';
import { attachClient } from '../../domain';
import { priceArticles } from '../../services/pricing';
import { readCurrentCart, writeCurrentCart } from './currentSale';
import type { OrgDatabase } from '../../../db/schema';
import type { Clock } from '@model';

export async function attachClientToSale(db: OrgDatabase, clock: Clock, clientId: string | null): Promise<void> {
  const client = clientId ? await db.clients.get(clientId) : null;
  const cart = await readCurrentCart(db);
  const ids = [...new Set(cart.lines.map((l) => l.articleId).filter((id): id is string => id !== null))];
  const articles = (await db.articles.bulkGet(ids)).filter((a) => a !== undefined);
  const prices = await priceArticles(db, articles, client?.priceListId ?? null, clock.now().getTime());
  const next = attachClient(cart, client ? { id: client.id, priceListId: client.priceListId } : null, (line) =>
    line.articleId ? (prices.get(line.articleId) ?? null) : null,
  );
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
