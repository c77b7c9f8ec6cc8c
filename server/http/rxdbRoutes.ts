// RxDB's HTTP replication protocol, pull side, over the same records store as /pull: it exists
// only so the peer benchmark (tests/bench/rxdb-bench.ts) can sync the same catalog with RxDB's
// own replication. Tills never call it, and the production app does not mount it: only the
// bench server (tests/bench/bench-server.ts) does, through createApp's extraApiRoutes.
//
// GET /rxdb/:kind/pull?id=&rev=&limit=  (Bearer till token) → {documents, checkpoint}
// The checkpoint is RxDB's documented {id, updatedAt} pair with our change sequence `rev` in the
// place of updatedAt: revs are unique and committed in order (server/store/records.ts), so
// "rev > checkpoint.rev" alone never skips a change and the id only names the last document.
// Documents are the record data plus RxDB's `_deleted` flag; a tombstone is {id, _deleted: true}.
import { Hono } from 'hono';
import { z } from 'zod';
import { CATEGORY_KINDS, type RecordKind } from '@model';
import { DEFAULT_PULL_LIMIT, MAX_PULL_LIMIT } from '@model';
import { pullRecords } from '../store/records';
import type { Database } from '../store/sql';
import { HttpError, parseOr400 } from './errors';
import { authenticateTill } from './syncRoutes';

/** The catalog the benchmark compares: every kind is keyed by `data.id`. */
export const RXDB_KINDS: readonly RecordKind[] = [...CATEGORY_KINDS.articles, ...CATEGORY_KINDS.prices];

export const rxdbPullQuery = z.object({
  id: z.string().max(64).default(''),
  rev: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

export interface RxdbCheckpoint {
  id: string;
  rev: number;
}

export interface RxdbPullResponse {
  documents: (Record<string, unknown> & { id: string; _deleted: boolean })[];
  checkpoint: RxdbCheckpoint;
}

export function rxdbRoutes(deps: { db: Database }): Hono {
  const app = new Hono();
  app.get('/:kind/pull', async (c) => {
    const kind = RXDB_KINDS.find((k) => k === c.req.param('kind'));
    if (!kind) throw new HttpError(404, 'not_found', 'no such collection');
    await authenticateTill(c, deps);
    const query = parseOr400(rxdbPullQuery, { id: c.req.query('id'), rev: c.req.query('rev'), limit: c.req.query('limit') });
    // Tombstones are always sent: RxDB's checkpoint has no snapshot horizon to skip old ones by.
    const rows = await pullRecords(deps.db, [kind], query.rev, 0, query.limit);
    const last = rows.at(-1);
    const body: RxdbPullResponse = {
      documents: rows.map((r) => (r.deleted || !r.data ? { id: r.id, _deleted: true } : { ...r.data, id: r.id, _deleted: false })),
      checkpoint: last ? { id: last.id, rev: last.rev } : { id: query.id, rev: query.rev },
    };
    return c.json(body);
  });
  return app;
}
