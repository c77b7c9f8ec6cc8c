// Loads the generated demo shop into a fresh organization database, for a till with no data
// and no back office yet. Operators' PINs are hashed here; the README lists them.
import { generateDemoCatalog } from '../demo/generate';
import { createPinRecord } from '@model';
import type { OrgDatabase, RegistryDatabase, OrganizationEntry } from '../../db/schema';
import { openOrgDatabase, toArticleRow, toClientRow } from '../../db/schema';
import { createOrganization } from '../../db/organizations';
import type { Clock } from '@model';
import type { Category } from '@model';
import { CATEGORIES } from '@model';

export const DEMO_ORG_ID = 'demo';

export async function fillDemoData(db: OrgDatabase, articles: number, now: string): Promise<void> {
  const c = generateDemoCatalog({ articles, now });
  const operators = await Promise.all(
    c.operators.map(async (o) => ({ id: o.id, name: o.name, roleId: o.roleId, active: true, ...(await createPinRecord(o.pin)) })),
  );
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
  return createOrganization(registry, {
    id: DEMO_ORG_ID,
    name: 'Demo shop',
    createdAt: now,
    stores: [{ id: 'store-1', name: 'Demo shop' }],
    kind: 'demo',
  });
}
