// The peer in the sync benchmark: the same catalog (articles + prices) pulled into Chromium by
// RxDB's own replication (replicateRxCollection, pull only, with the documented HTTP pull handler)
// into its free Dexie storage, from the back office's RxDB endpoint (server/http/rxdbRoutes.ts).
// RxDB is set up as its docs recommend for one tab: no dev-mode (no schema validation), one
// instance, replication not waiting for leadership. The page runs on the back office's origin.
import { createRxDatabase, type RxCollection, type RxJsonSchema } from 'rxdb/plugins/core';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxdbCheckpoint, RxdbPullResponse } from '../../server/http/rxdbRoutes';
import type { Article, ArticleGroup, Discount, Price, PriceList, RecordKind } from '@model';
import { API_PREFIX, pairResponse } from '@model';

const idField = { type: 'string', maxLength: 64 } as const;
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const nullableId = { type: ['string', 'null'], maxLength: 64 } as const;
const nullableTime = { type: ['string', 'null'] } as const;
const int = { type: 'integer' } as const;

// Schemas of src/sync/entities.ts. Indexes: those of our Dexie schema (src/db/schema.ts) that RxDB
// can express; it has no multi-entry index (our barcodes, words) nor index on a nullable field.
const articleSchema: RxJsonSchema<Article> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    sku: text(64),
    name: text(200),
    groupId: nullableId,
    barcodes: { type: 'array', items: { type: 'string', maxLength: 64 } },
    unit: { type: 'string', enum: ['pcs', 'kg', 'l', 'm'], maxLength: 3 },
    vatRate: int,
    price: int,
    active: { type: 'boolean' },
  },
  required: ['id', 'sku', 'name', 'groupId', 'barcodes', 'unit', 'vatRate', 'price', 'active'],
  indexes: ['sku', 'name'],
};

const articleGroupSchema: RxJsonSchema<ArticleGroup> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: idField, name: text(120), parentId: nullableId, sort: int, color: { type: ['string', 'null'], maxLength: 16 } },
  required: ['id', 'name', 'parentId', 'sort', 'color'],
};

const priceSchema: RxJsonSchema<Price> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: idField, priceListId: idField, articleId: idField, amount: int, validFrom: nullableTime, validTo: nullableTime },
  required: ['id', 'priceListId', 'articleId', 'amount', 'validFrom', 'validTo'],
  indexes: ['articleId', 'priceListId'],
};

const priceListSchema: RxJsonSchema<PriceList> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: idField, name: text(120), priority: int },
  required: ['id', 'name', 'priority'],
};

const discountSchema: RxJsonSchema<Discount> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    name: text(120),
    scope: { type: 'string', enum: ['article', 'group', 'basket'], maxLength: 8 },
    targetId: nullableId,
    kind: { type: 'string', enum: ['percent', 'amount'], maxLength: 8 },
    value: int,
    minimum: int,
    validFrom: nullableTime,
    validTo: nullableTime,
    active: { type: 'boolean' },
  },
  required: ['id', 'name', 'scope', 'targetId', 'kind', 'value', 'minimum', 'validFrom', 'validTo', 'active'],
  indexes: ['scope'],
};

/** Collection name (RxDB wants lowercase) → the record kind its endpoint serves. */
const COLLECTIONS = {
  articlegroups: { kind: 'articleGroup', schema: articleGroupSchema },
  articles: { kind: 'article', schema: articleSchema },
  pricelists: { kind: 'priceList', schema: priceListSchema },
  prices: { kind: 'price', schema: priceSchema },
  discounts: { kind: 'discount', schema: discountSchema },
} as const satisfies Record<string, { kind: RecordKind; schema: RxJsonSchema<never> }>;

export interface RxdbFigures {
  /** Replication start → every collection in sync. */
  ms: number;
  batchSize: number;
  /** Live documents per record kind after the sync. */
  counts: Record<string, number>;
  rows: number;
}

/** Pairs as a new till (the same token check as our engine), then replicates the catalog once. */
export async function browserRxdbColdSync(arg: { code: string; batchSize: number }): Promise<RxdbFigures> {
  const run = Math.random().toString(36).slice(2);
  const paired = await fetch(`${API_PREFIX}/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: arg.code, installId: `rxdb-bench-${run}`, deviceName: 'rxdb bench', appVersion: 'bench' }),
  });
  if (!paired.ok) throw new Error(`pair: HTTP ${paired.status}`);
  const { token } = pairResponse.parse(await paired.json());

  const db = await createRxDatabase({
    name: `rxdb-bench-${run}`,
    // The same relaxed durability as our engine's sync connection.
    storage: getRxStorageDexie({ chromeTransactionDurability: 'relaxed' }),
    multiInstance: false,
  });
  try {
    const collections = (await db.addCollections(
      Object.fromEntries(Object.entries(COLLECTIONS).map(([name, c]) => [name, { schema: c.schema }])),
    )) as Record<keyof typeof COLLECTIONS, RxCollection>;
    const t = performance.now();
    const replications = Object.entries(COLLECTIONS).map(([name, c]) =>
      replicateRxCollection<unknown, RxdbCheckpoint>({
        collection: collections[name as keyof typeof COLLECTIONS],
        replicationIdentifier: `rxdb-bench-${c.kind}-${location.origin}`,
        live: false,
        waitForLeadership: false,
        pull: {
          batchSize: arg.batchSize,
          handler: async (checkpoint, batchSize) => {
            const query = new URLSearchParams({ id: checkpoint?.id ?? '', rev: String(checkpoint?.rev ?? 0), limit: String(batchSize) });
            const res = await fetch(`${API_PREFIX}/rxdb/${c.kind}/pull?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
            if (!res.ok) throw new Error(`rxdb pull ${c.kind}: HTTP ${res.status}`);
            return (await res.json()) as RxdbPullResponse as never;
          },
        },
      }),
    );
    // A failed pull is retried by RxDB after retryTime; the benchmark fails at once instead.
    const failed = new Promise<never>((_, reject) => {
      for (const r of replications) r.error$.subscribe((e) => reject(e instanceof Error ? e : new Error(String(e))));
    });
    await Promise.race([Promise.all(replications.map((r) => r.awaitInitialReplication())), failed]);
    const ms = performance.now() - t;
    await Promise.all(replications.map((r) => r.cancel()));
    const counts: Record<string, number> = {};
    for (const [name, c] of Object.entries(COLLECTIONS)) counts[c.kind] = await collections[name as keyof typeof COLLECTIONS].count().exec();
    return { ms, batchSize: arg.batchSize, counts, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
  } finally {
    await db.remove();
  }
}
