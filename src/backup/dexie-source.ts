// The Dexie edge of the backup engine: reads an organization's tables grouped by data set
// (DATA_SETS) in one read transaction, and writes staged rows back in ONE read-write
// transaction that replaces the chosen data sets.
import { DATA_SETS, nameWords, searchKey, type DataSetName, type OrgDatabase } from '../db/schema';
import type { Doc } from './format/chunker';
import type { TableInput } from './format/snapshot';
import type { StagedBackup } from './format/reader';

export const ALL_DATA_SETS = Object.keys(DATA_SETS) as DataSetName[];

/** Fields the till derives from others; left out unless "include indexes" is set. */
const DERIVED: Record<string, readonly string[]> = {
  articles: ['nameKey', 'words', 'activeFlag'],
  clients: ['nameKey'],
};

function keyOf(row: Record<string, unknown>, keyPath: string): string {
  const k = row[keyPath];
  return typeof k === 'string' ? k : JSON.stringify(k);
}

export async function readDataSets(db: OrgDatabase, sets: readonly DataSetName[], includeIndexes: boolean): Promise<TableInput[]> {
  const wanted = sets.flatMap((set) => DATA_SETS[set].map((table) => ({ set, table })));
  // All tables are read in one read transaction (a consistent snapshot), their requests in flight together.
  return db.transaction('r', wanted.map((w) => w.table), () =>
    Promise.all(
      wanted.map(async ({ set, table }): Promise<TableInput> => {
        const t = db.table(table);
        const keyPath = String(t.schema.primKey.keyPath);
        const rows = (await t.toArray()) as Record<string, unknown>[];
        const strip = includeIndexes ? [] : (DERIVED[table] ?? []);
        const docs: Doc[] = rows.map((row) => {
          const doc = strip.length ? { ...row } : row;
          for (const f of strip) delete doc[f];
          return { key: keyOf(row, keyPath), json: JSON.stringify(doc) };
        });
        docs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        return { set, table, docs };
      }),
    ),
  );
}

/** Rebuilds the index fields a backup made without indexes left out. */
function withDerived(table: string, row: Record<string, unknown>): Record<string, unknown> {
  if (table === 'articles' && row.nameKey === undefined) {
    const name = String(row.name ?? '');
    return { ...row, nameKey: searchKey(name), words: nameWords(name), activeFlag: row.active ? 1 : 0 };
  }
  if (table === 'clients' && row.nameKey === undefined) return { ...row, nameKey: searchKey(String(row.name ?? '')) };
  return row;
}

export type RowCounts = Partial<Record<DataSetName, Record<string, number>>>;

export async function countRows(db: OrgDatabase, sets: readonly DataSetName[]): Promise<RowCounts> {
  const out: RowCounts = {};
  for (const set of sets) {
    const counts: Record<string, number> = {};
    for (const table of DATA_SETS[set]) counts[table] = await db.table(table).count();
    out[set] = counts;
  }
  return out;
}

/** Replaces the chosen data sets of `db` with the staged rows, all or nothing. */
export async function commitStaged(db: OrgDatabase, staged: StagedBackup, sets: readonly DataSetName[]): Promise<void> {
  const tables = sets.flatMap((s) => [...DATA_SETS[s]]);
  await db.transaction('rw', tables, async () => {
    for (const set of sets) {
      for (const table of DATA_SETS[set]) {
        const rows = (staged.dataSets[set]?.[table] ?? []) as Record<string, unknown>[];
        const t = db.table(table);
        await t.clear();
        if (rows.length) await t.bulkPut(rows.map((r) => withDerived(table, r)));
      }
    }
  });
}
