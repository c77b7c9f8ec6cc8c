import { describe, expect, it } from 'vitest';
import { article, operator, verifyPin } from '@model';
import { DEMO_GROUP_IDS, generateDemoShop, withPinRecords } from './generate';

describe('the demo shop generator', () => {
  it('has the README operators with PIN records that check their PINs', async () => {
    const shop = generateDemoShop({ articles: 5 });
    expect(shop.operators.map((o) => [o.name, o.pin])).toEqual([['Alice', '1111'], ['Bob', '2222'], ['Manager', '9999']]);
    const records = await withPinRecords(shop.operators);
    for (const [i, record] of records.entries()) {
      operator.parse(record);
      expect(JSON.stringify(record)).not.toContain(`"pin"`);
      expect(await verifyPin(shop.operators[i]!.pin, record)).toBe(true);
    }
    expect(records.map((o) => o.roleId).every((id) => shop.roles.some((r) => r.id === id))).toBe(true);
  });

  it('gives the first articles the same records whatever the count (one seed stream)', () => {
    const small = generateDemoShop({ articles: 3 });
    const large = generateDemoShop({ articles: 300 });
    expect(large.articles.slice(0, 3)).toEqual(small.articles);
    for (const a of large.articles) article.parse(a);
    expect(new Set(large.articles.map((a) => a.groupId))).toEqual(new Set(Object.values(DEMO_GROUP_IDS)));
  });

  it('anchors time-limited prices to `now`, as a Date or ISO text', () => {
    const a = generateDemoShop({ articles: 100, now: new Date('2026-05-01T00:00:00Z') });
    const b = generateDemoShop({ articles: 100, now: '2026-05-01T00:00:00Z' });
    expect(a).toEqual(b);
    expect(a.prices.some((p) => p.validFrom?.startsWith('2026-04-30'))).toBe(true);
  });
});
