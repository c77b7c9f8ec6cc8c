// Embedded PostgreSQL (PGlite) in a data folder, or in memory when no folder is given. One
// connection: PGlite runs transactions one at a time, which the change-sequence design tolerates.
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './sql';

export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const wrap = (q: Pick<PGlite, 'query'>): Sql => ({
    query: async <R>(text: string, params?: readonly unknown[]) =>
      (await q.query<R>(text, params ? [...params] : undefined)).rows,
  });
  return {
    engine: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
