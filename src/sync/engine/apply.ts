// Where each pulled record kind lives locally, and how a validated page is written. Called
// inside the caller's Dexie transaction: no network here.
import type { Table } from 'dexie';
import type { OrgDatabase } from '../../db/schema';
import { toArticleRow, toClientRow } from '../../db/schema';
import type { Category, PulledRecord, RecordKind } from '@model';
import { CATEGORY_KINDS, RECORD_KINDS, RECORD_KIND_NAMES, type KindTable } from '@model';
import type { PullLiveItem, PullTombstone } from '@model';

type TableName = KindTable;

export const KIND_TABLE = Object.fromEntries(RECORD_KIND_NAMES.map((k) => [k, RECORD_KINDS[k].table])) as Record<RecordKind, TableName>;

/** Tables whose rows carry `origin` ('erp' | 'local'): a reset replaces only the 'erp' rows. */
const ORIGIN_TABLES = new Set<TableName>(['articles', 'articleGroups', 'clients']);

export function categoryTables(category: Category): TableName[] {
  return CATEGORY_KINDS[category].map((k) => KIND_TABLE[k]);
}

export function tablesOf(db: OrgDatabase, category: Category) {
  return categoryTables(category).map((t) => db[t]);
}

/** The local row for a pulled record (articles and clients get their search keys). */
export function toLocalRow(r: PulledRecord): { table: TableName; row: unknown } {
  switch (r.kind) {
    case 'article':
      return { table: 'articles', row: toArticleRow(r.data, 'erp') };
    case 'client':
      return { table: 'clients', row: toClientRow(r.data, 'erp') };
    case 'articleGroup':
      return { table: 'articleGroups', row: { ...r.data, origin: 'erp' } };
    case 'parameters':
      return { table: 'parameters', row: { ...r.data, id: 'shop' } };
    default:
      return { table: KIND_TABLE[r.kind], row: r.data };
  }
}

function localKey(kind: RecordKind, id: string): string {
  return kind === 'parameters' ? 'shop' : id;
}

function rowKey(table: TableName, row: unknown): string {
  const r = row as { id?: string; code?: string };
  return String(table === 'currencies' ? r.code : r.id);
}

export type PageItem = PullLiveItem | PullTombstone;

/** Writes one page: puts grouped by table, then tombstone deletes. Returns the keys written. */
export async function writeItems(db: OrgDatabase, items: readonly PageItem[]): Promise<Set<string>> {
  const puts = new Map<TableName, unknown[]>();
  const deletes = new Map<TableName, string[]>();
  const seen = new Set<string>();
  for (const item of items) {
    if (item.deleted) {
      const t = KIND_TABLE[item.kind];
      const keys = deletes.get(t) ?? [];
      keys.push(localKey(item.kind, item.id));
      deletes.set(t, keys);
      continue;
    }
    const { table, row } = toLocalRow(item as PulledRecord);
    const list = puts.get(table) ?? [];
    list.push(row);
    puts.set(table, list);
    seen.add(`${table}:${rowKey(table, row)}`);
  }
  for (const [t, rows] of puts) await (db[t] as unknown as { bulkPut(r: unknown[]): Promise<unknown> }).bulkPut(rows);
  for (const [t, keys] of deletes) await db[t].bulkDelete(keys);
  return seen;
}

/** After a full snapshot: delete the category's rows the snapshot did not bring. Local-origin
 * rows stay, except goods in mirror mode (the till's goods then equal the back office's). */
export async function pruneUnseen(db: OrgDatabase, category: Category, seen: Set<string>, mirror: boolean): Promise<number> {
  let removed = 0;
  for (const t of categoryTables(category)) {
    const table = db[t] as unknown as Table<unknown, string>;
    const keepLocal = ORIGIN_TABLES.has(t) && !(mirror && (t === 'articles' || t === 'articleGroups'));
    const candidates = keepLocal ? await table.where('origin').equals('erp').primaryKeys() : await table.toCollection().primaryKeys();
    const stale = candidates.filter((key) => !seen.has(`${t}:${key}`));
    await table.bulkDelete(stale);
    removed += stale.length;
  }
  return removed;
}
