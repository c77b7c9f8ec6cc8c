// Push the outbox in seq order, in batches, under each row's mutation id. A row is deleted only
// when the server acknowledged it (applied or duplicate). A conflict means the back office won:
// its row is applied locally and the mutation dropped. A rejected row stays, marked, and the
// queue moves on past it.
import type { OrgDatabase, OutboxRow } from '../../db/schema';
import { toArticleRow, toClientRow } from '../../db/schema';
import { z } from 'zod';
import { article, articleGroup, client } from '../entities';
import { API_PREFIX, MAX_PUSH_BATCH, pushResponse, type MutationResult } from '../protocol';
import { getActiveLink, markUnpaired } from './link';
import { requestJson } from './transport';
import type { EngineDeps, Result } from './types';

export interface PushCounts {
  applied: number;
  duplicate: number;
  conflict: number;
  rejected: number;
  /** Rows still in the outbox after this run. */
  remaining: number;
}

export const REJECTED_PREFIX = 'rejected:';

export async function pushOutbox(deps: EngineDeps, batchSize: number = MAX_PUSH_BATCH): Promise<Result<PushCounts>> {
  const { db } = deps;
  const link = await getActiveLink(db);
  if (!link) return { ok: false, reason: 'unpaired' };
  const counts: PushCounts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0, remaining: 0 };
  const size = Math.max(1, Math.min(batchSize, MAX_PUSH_BATCH));
  let afterSeq = -Infinity;
  for (;;) {
    const rows = await db.outbox.where('seq').above(afterSeq).limit(size).toArray();
    if (rows.length === 0) break;
    const pending = (await db.outbox.count()) - rows.length;
    const body = {
      mutations: rows.map((r) => ({ id: r.id, kind: r.kind, op: r.op, baseRev: r.baseRev, data: r.data })),
      pending,
      ...(deps.appVersion ? { appVersion: deps.appVersion } : {}),
    };
    const res = await requestJson(deps, { method: 'POST', url: `${link.serverUrl}${API_PREFIX}/push`, token: link.token, body }, pushResponse);
    if (!res.ok) {
      if (res.reason === 'unauthorized') await markUnpaired(db, deps.clock.now().toISOString());
      return res;
    }
    const planned = planResults(rows, res.value.results);
    if (!planned.ok) return planned;
    await applyResults(db, planned.steps);
    for (const s of planned.steps) counts[s.result.status] += 1;
    afterSeq = rows[rows.length - 1]?.seq ?? afterSeq;
  }
  counts.remaining = await db.outbox.count();
  return { ok: true, ...counts };
}

interface Step {
  row: OutboxRow;
  result: MutationResult;
  /** For a conflict: the validated server record to write locally. */
  serverRow?: { table: 'articles' | 'articleGroups' | 'clients'; row: unknown };
}

const conflictRow = z.object({ deleted: z.boolean(), data: z.unknown() });

/** Validates every conflict's server record before anything is written. */
function planResults(rows: OutboxRow[], results: MutationResult[]): Result<{ steps: Step[] }> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const steps: Step[] = [];
  for (const row of rows) {
    const result = byId.get(row.id);
    if (!result) continue; // not acknowledged: stays for the next run
    if (result.status !== 'conflict') {
      steps.push({ row, result });
      continue;
    }
    // `server` is the back office's row {kind, id, rev, deleted, data}. A conflict without a live
    // server record (deleted there) just drops the mutation.
    const server = conflictRow.safeParse(result.server);
    if (!server.success) return { ok: false, reason: 'malformed-response' };
    if (server.data.deleted || server.data.data == null) {
      steps.push({ row, result });
      continue;
    }
    const serverRow = toServerRow(row.kind, server.data.data);
    if (serverRow === 'invalid') return { ok: false, reason: 'malformed-response' };
    steps.push({ row, result, ...(serverRow ? { serverRow } : {}) });
  }
  return { ok: true, steps };
}

function toServerRow(kind: OutboxRow['kind'], server: unknown): Step['serverRow'] | 'invalid' | undefined {
  if (kind === 'receipt' || kind === 'shiftReport') return undefined;
  const schema = kind === 'article' ? article : kind === 'client' ? client : articleGroup;
  if (!schema.safeParse(server).success) return 'invalid';
  if (kind === 'article') return { table: 'articles', row: toArticleRow(article.parse(server), 'erp') };
  if (kind === 'client') return { table: 'clients', row: toClientRow(client.parse(server), 'erp') };
  return { table: 'articleGroups', row: { ...articleGroup.parse(server), origin: 'erp' } };
}

async function applyResults(db: OrgDatabase, steps: Step[]): Promise<void> {
  await db.transaction('rw', [db.outbox, db.articles, db.articleGroups, db.clients], async () => {
    for (const { row, result, serverRow } of steps) {
      if (result.status === 'rejected') {
        await db.outbox.update(row.id, { lastError: `${REJECTED_PREFIX}${result.code}`, attempts: row.attempts + 1 });
        continue;
      }
      if (serverRow) await (db[serverRow.table] as unknown as { put(r: unknown): Promise<unknown> }).put(serverRow.row);
      else if (row.op === 'upsert') await adoptAsErp(db, row);
      await db.outbox.delete(row.id);
    }
  });
}

/** A good or client created at the till becomes a back-office record once the server has it. */
async function adoptAsErp(db: OrgDatabase, row: OutboxRow): Promise<void> {
  const id = (row.data as { id?: unknown } | null)?.id;
  if (typeof id !== 'string') return;
  if (row.kind === 'article') {
    if ((await db.articles.get(id))?.origin === 'local') await db.articles.update(id, { origin: 'erp' });
  } else if (row.kind === 'articleGroup') {
    if ((await db.articleGroups.get(id))?.origin === 'local') await db.articleGroups.update(id, { origin: 'erp' });
  } else if (row.kind === 'client') {
    if ((await db.clients.get(id))?.origin === 'local') await db.clients.update(id, { origin: 'erp' });
  }
}
