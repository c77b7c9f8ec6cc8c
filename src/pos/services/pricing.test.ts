import { describe, expect, it } from 'vitest';
import { priceArticles } from './pricing';
import { freshDb } from './screens.fixtures';

const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('priceArticles', () => {
  it('prices each article from the winning valid price list, else its base price', async () => {
    const db = await freshDb();
    await db.priceLists.bulkPut([
      { id: 'retail', name: 'Retail', priority: 0 },
      { id: 'members', name: 'Members', priority: 10 },
    ]);
    await db.prices.bulkPut([
      { id: 'p1', priceListId: 'retail', articleId: 'a1', amount: 90, validFrom: null, validTo: null },
      { id: 'p2', priceListId: 'members', articleId: 'a1', amount: 80, validFrom: null, validTo: '2026-01-01T00:00:00Z' },
    ]);
    const prices = await priceArticles(db, [{ id: 'a1', price: 100 }, { id: 'a2', price: 250 }], null, NOW);
    expect(Object.fromEntries(prices)).toEqual({ a1: 90, a2: 250 }); // the expired members price is skipped
  });
});
