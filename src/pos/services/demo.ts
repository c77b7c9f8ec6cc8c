// Loads the demo shop into a fresh organization database, for a till with no data and no back
// office yet: the records of the one shared generator (src/demo, as @demo) put into Dexie, the
// operators' PINs hashed into their PIN records. The README lists the operators.
import { generateDemoShop, withPinRecords } from '@demo';
import { CATEGORIES, type Category, type Clock } from '@model';
import type { OrgDatabase, RegistryDatabase, OrganizationEntry } from '../../db/schema';
import { openOrgDatabase, toArticleRow, toClientRow } from '../../db/schema';
import { createOrganization } from '../../db/organizations';

export const DEMO_ORG_ID = 'demo';

export async function fillDemoData(db: OrgDatabase, articles: number, now: string): Promise<void> {
  const c = generateDemoShop({ articles, now });
  const operators = await withPinRecords(c.operators);
  await db.transaction('rw', db.tables, async () => {
    await db.articleGroups.bulkPut(c.groups.map((g) => ({ ...g, origin: 'erp' as const })));
    await db.articles.bulkPut(c.articles.map((a) => toArticleRow(a, 'erp')));
    await db.priceLists.bulkPut(c.priceLists);
    await db.prices.bulkPut(c.prices);
    await db.discounts.bulkPut(c.discounts);
    await db.currencies.bulkPut(c.currencies);
    await db.clients.bulkPut(c.clients.map((cl) => toClientRow(cl, 'erp')));
    await db.roles.bulkPut(c.roles);
    await db.operators.bulkPut(operators);
    await db.parameters.put({ id: 'shop', ...c.parameters });
    await db.settings.put({ key: 'till', value: { tillId: 'demo-till', tillCode: 'D1' } });
    await db.syncState.bulkPut(
      CATEGORIES.map((category: Category) => ({ category, checkpoint: null, periodSec: null, lastSyncedAt: now, lastError: null })),
    );
  });
}

export async function loadDemoShop(registry: RegistryDatabase, clock: Clock, articles = 500): Promise<OrganizationEntry> {
  const now = clock.now().toISOString();
  const db = openOrgDatabase(DEMO_ORG_ID);
  await db.open();
  await fillDemoData(db, articles, now);
  db.close();
  const { organization, stores } = generateDemoShop({ articles: 0 });
  return createOrganization(registry, { id: DEMO_ORG_ID, name: organization.name, createdAt: now, stores, kind: 'demo' });
}
