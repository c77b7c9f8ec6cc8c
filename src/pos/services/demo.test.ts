import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoShop } from '@demo';
import { createManualClock } from '@model';
import { OrgDatabase, RegistryDatabase } from '../../db/schema';
import { loginWithPin } from '../../db/auth';
import { findByBarcode } from './catalog';
import { DEMO_ORG_ID, fillDemoData, loadDemoShop } from './demo';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('the till demo shop', () => {
  it('puts the shared generator\'s records into Dexie, with the README operators able to log in', async () => {
    const db = new OrgDatabase(`demo-test-${Math.random().toString(36).slice(2)}`);
    open.push(db);
    await db.open();
    await fillDemoData(db, 30, '2026-03-01T10:00:00.000Z');
    const shop = generateDemoShop({ articles: 30, now: '2026-03-01T10:00:00.000Z' });
    expect(await db.articles.count()).toBe(30);
    expect(await db.prices.count()).toBe(shop.prices.length);
    expect((await db.currencies.toArray()).map((c) => c.code).sort()).toEqual(shop.currencies.map((c) => c.code).sort());
    expect((await findByBarcode(db, shop.articles[0]!.barcodes[0]!))?.id).toBe(shop.articles[0]!.id);
    expect(await db.parameters.get('shop')).toMatchObject({ baseCurrency: 'EUR', shopName: 'Demo shop' });
    for (const o of shop.operators) expect((await loginWithPin(db, o.id, o.pin)).ok).toBe(true);
    expect((await loginWithPin(db, 'op-alice', '2222')).ok).toBe(false);
  });

  it('registers the demo organization with the generator\'s stores', async () => {
    const registry = new RegistryDatabase(`demo-registry-${Math.random().toString(36).slice(2)}`);
    open.push(registry);
    const org = await loadDemoShop(registry, createManualClock(new Date('2026-03-01T10:00:00Z')), 10);
    expect(org).toMatchObject({ id: DEMO_ORG_ID, name: 'Demo shop', kind: 'demo' });
    expect(org.stores).toEqual(generateDemoShop({ articles: 0 }).stores);
  });
});
