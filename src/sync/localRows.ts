// Where each pulled record kind lives locally and the row it becomes there (articles and
// clients get their search keys). Shared by the sync store adapters (dexieStore.ts, and
// testing/memoryStore.ts), which keep the same tables.
import { toArticleRow, toClientRow } from '../db/schema';
import type { Category, PulledRecord, RecordKind } from '@model';
import { CATEGORY_KINDS, RECORD_KINDS, RECORD_KIND_NAMES, type KindTable } from '@model';
import type { PageItem, ServerRecord } from './engine/store';

export type TableName = KindTable;

/** Each pulled kind's table, from the model's record-kind registry. */
export const KIND_TABLE = Object.fromEntries(RECORD_KIND_NAMES.map((k) => [k, RECORD_KINDS[k].table])) as Record<RecordKind, TableName>;

/** Tables whose rows carry `origin` ('erp' | 'local'): a reset replaces only the 'erp' rows. */
const ORIGIN_TABLES = new Set<TableName>(['articles', 'articleGroups', 'clients']);

export function categoryTables(category: Category): TableName[] {
  return CATEGORY_KINDS[category].map((k) => KIND_TABLE[k]);
}

/** After a full snapshot, which rows of `table` may go: only the back office's, except goods
 * in mirror mode (the till's goods then equal the back office's). */
export function prunesLocalRows(table: TableName, mirror: boolean): boolean {
  return !ORIGIN_TABLES.has(table) || (mirror && (table === 'articles' || table === 'articleGroups'));
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

/** The local row of a back-office record that won a push conflict. */
export function serverRow(r: ServerRecord): { table: 'articles' | 'articleGroups' | 'clients'; row: unknown } {
  if (r.kind === 'article') return { table: 'articles', row: toArticleRow(r.data, 'erp') };
  if (r.kind === 'client') return { table: 'clients', row: toClientRow(r.data, 'erp') };
  return { table: 'articleGroups', row: { ...r.data, origin: 'erp' } };
}

export const ADOPT_TABLE = { article: 'articles', articleGroup: 'articleGroups', client: 'clients' } as const;

function localKey(kind: RecordKind, id: string): string {
  return kind === 'parameters' ? 'shop' : id;
}

export function rowKey(table: TableName, row: unknown): string {
  const r = row as { id?: string; code?: string };
  return String(table === 'currencies' ? r.code : r.id);
}

/** A page as writes grouped by table (puts, then tombstone deletes), and the `table:key` of
 * every row it puts (what a snapshot's prune keeps). */
export function groupPage(items: readonly PageItem[]): { puts: Map<TableName, unknown[]>; deletes: Map<TableName, string[]>; written: Set<string> } {
  const puts = new Map<TableName, unknown[]>();
  const deletes = new Map<TableName, string[]>();
  const written = new Set<string>();
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
    written.add(`${table}:${rowKey(table, row)}`);
  }
  return { puts, deletes, written };
}
