// The record-kind registry: every fact about a kind of record written once. The pull categories,
// the tombstone kinds, the push mutations, the outbox kinds, the server's schema map, the till's
// tables and recordIdOf are all derived from RECORD_KINDS and JOURNAL_KINDS below, so a new kind
// is one entry here (plus its entity schema and its strings).
import { z } from 'zod';
import * as e from './entities';

/**
 * The pull categories of seed 002's "Mise à jour des données" tiles, in the order they sync: the
 * period a new till gets for each (seconds; null = only on demand) and the group of seed 003's
 * exchange settings it is set with (goods, employees, the others).
 */
export const CATEGORY_SPECS = {
  prices: { defaultPeriodSec: 300, periodGroup: 'goods' },
  articles: { defaultPeriodSec: 300, periodGroup: 'goods' },
  currencies: { defaultPeriodSec: 3600, periodGroup: 'other' },
  clients: { defaultPeriodSec: 600, periodGroup: 'other' },
  rights: { defaultPeriodSec: 600, periodGroup: 'employees' },
  parameters: { defaultPeriodSec: 3600, periodGroup: 'other' },
} as const satisfies Record<string, { defaultPeriodSec: number | null; periodGroup: 'goods' | 'employees' | 'other' }>;
export type Category = keyof typeof CATEGORY_SPECS;
export const CATEGORIES = Object.keys(CATEGORY_SPECS) as [Category, ...Category[]];
export const category = z.enum(CATEGORIES);
export type PeriodGroup = (typeof CATEGORY_SPECS)[Category]['periodGroup'];

interface KindSpec {
  /** The zod schema of the record as it travels and as the server stores it. */
  readonly schema: z.ZodType<Record<string, unknown>>;
  /** The pull category (tile) that carries it. */
  readonly category: Category;
  /** The till's Dexie table that holds it. */
  readonly table: string;
  /** The field that keys it within its kind. */
  readonly key: 'id' | 'code';
  /** A kind with one record only: the key every copy of it has on the server. */
  readonly singleton?: string;
  /** Whether the till may create and edit it while its category is not synced (pushed back). */
  readonly tillEditable: boolean;
  /** The fields the admin page's search (`q`) looks in. */
  readonly search: readonly string[];
}

/** The kinds the back office owns and the tills pull, in pull order within their category. */
export const RECORD_KINDS = {
  priceList: { schema: e.priceList, category: 'prices', table: 'priceLists', key: 'id', tillEditable: false, search: ['name'] },
  price: { schema: e.price, category: 'prices', table: 'prices', key: 'id', tillEditable: false, search: ['articleId', 'priceListId'] },
  discount: { schema: e.discount, category: 'prices', table: 'discounts', key: 'id', tillEditable: false, search: ['name'] },
  articleGroup: { schema: e.articleGroup, category: 'articles', table: 'articleGroups', key: 'id', tillEditable: true, search: ['name'] },
  article: { schema: e.article, category: 'articles', table: 'articles', key: 'id', tillEditable: true, search: ['name', 'sku', 'barcodes'] },
  currency: { schema: e.currency, category: 'currencies', table: 'currencies', key: 'code', tillEditable: false, search: ['code', 'name'] },
  client: { schema: e.client, category: 'clients', table: 'clients', key: 'id', tillEditable: true, search: ['name', 'phone', 'cardNumber', 'email'] },
  role: { schema: e.role, category: 'rights', table: 'roles', key: 'id', tillEditable: false, search: ['name'] },
  operator: { schema: e.operator, category: 'rights', table: 'operators', key: 'id', tillEditable: false, search: ['name'] },
  parameters: { schema: e.parameters, category: 'parameters', table: 'parameters', key: 'id', singleton: 'parameters', tillEditable: false, search: [] },
} as const satisfies Record<string, KindSpec>;

export type RecordKind = keyof typeof RECORD_KINDS;
export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as [RecordKind, ...RecordKind[]];
export const recordKind = z.enum(RECORD_KIND_NAMES);
export type RecordOf<K extends RecordKind> = z.infer<(typeof RECORD_KINDS)[K]['schema']>;
export type KindTable = (typeof RECORD_KINDS)[RecordKind]['table'];

/** What the till writes and pushes, never pulls: its journals (upsert only, never edited). */
export const JOURNAL_KINDS = {
  receipt: { schema: e.receipt },
  shiftReport: { schema: e.shiftReport },
} as const;
export type JournalKind = keyof typeof JOURNAL_KINDS;

export type EditableKind = { [K in RecordKind]: (typeof RECORD_KINDS)[K]['tillEditable'] extends true ? K : never }[RecordKind];
export const EDITABLE_KINDS = RECORD_KIND_NAMES.filter((k) => RECORD_KINDS[k].tillEditable) as EditableKind[];

/** What an outbox row may carry: the journals and the kinds the till may edit. */
export type OutboxKind = JournalKind | EditableKind;
export const OUTBOX_KINDS: readonly OutboxKind[] = [...(Object.keys(JOURNAL_KINDS) as JournalKind[]), ...EDITABLE_KINDS];

/** A pulled item's payload: `{ kind, data }`, so one category can hold several tables. */
export type PulledRecord = { [K in RecordKind]: { kind: K; data: RecordOf<K> } }[RecordKind];

type AnyObject = z.ZodObject<z.ZodRawShape>;
function unionOn(options: AnyObject[]) {
  return z.discriminatedUnion('kind', options as [AnyObject, ...AnyObject[]]);
}

export const pulledRecord = unionOn(
  RECORD_KIND_NAMES.map((kind) => z.object({ kind: z.literal(kind), data: RECORD_KINDS[kind].schema })),
) as unknown as z.ZodType<PulledRecord>;

export const CATEGORY_KINDS = Object.fromEntries(
  CATEGORIES.map((c) => [c, RECORD_KIND_NAMES.filter((k) => RECORD_KINDS[k].category === c)]),
) as unknown as Record<Category, readonly RecordKind[]>;

/** The server's schema for each kind. */
export function schemaOf(kind: RecordKind): z.ZodType<Record<string, unknown>> {
  return RECORD_KINDS[kind].schema;
}

/** The record's key inside its kind: currencies are keyed by code, parameters are a singleton. */
export function recordIdOf(kind: RecordKind, data: Readonly<Record<string, unknown>>): string {
  const spec: KindSpec = RECORD_KINDS[kind];
  if (spec.singleton) return spec.singleton;
  return String(data[spec.key]);
}

export function isRecordKind(value: string): value is RecordKind {
  return Object.hasOwn(RECORD_KINDS, value);
}

/* ---- Push mutations, derived from the same tables ---- */

const mutationId = e.id;
export type Mutation =
  | { [K in JournalKind]: { id: string; kind: K; op: 'upsert'; baseRev?: null; data: z.infer<(typeof JOURNAL_KINDS)[K]['schema']> } }[JournalKind]
  | { [K in EditableKind]: { id: string; kind: K; op: 'upsert' | 'delete'; baseRev?: number | null; data: RecordOf<K> } }[EditableKind];

export const mutation = unionOn([
  ...(Object.keys(JOURNAL_KINDS) as JournalKind[]).map((kind) =>
    z.object({ id: mutationId, kind: z.literal(kind), op: z.literal('upsert'), baseRev: z.null().optional(), data: JOURNAL_KINDS[kind].schema }),
  ),
  ...EDITABLE_KINDS.map((kind) =>
    z.object({ id: mutationId, kind: z.literal(kind), op: z.enum(['upsert', 'delete']), baseRev: z.number().int().nullable().optional(), data: RECORD_KINDS[kind].schema }),
  ),
]) as unknown as z.ZodType<Mutation>;
