// Push the outbox in seq order, in batches, under each row's mutation id. A row is deleted only
// when the server acknowledged it (applied or duplicate). A conflict means the back office won:
// its row is applied locally and the mutation dropped. A rejected row stays, marked, and the
// queue moves on past it.
import { z } from 'zod';
import { article, articleGroup, client } from '@model';
import { API_PREFIX, MAX_PUSH_BATCH, pushResponse, type MutationResult } from '@model';
import { getActiveLink, markUnpaired } from './link';
import type { OutboxAck, OutboxEntry, ServerRecord } from './store';
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
  const { store } = deps;
  const link = await getActiveLink(store);
  if (!link) return { ok: false, reason: 'unpaired' };
  const counts: PushCounts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0, remaining: 0 };
  const size = Math.max(1, Math.min(batchSize, MAX_PUSH_BATCH));
  let afterSeq = -Infinity;
  for (;;) {
    const rows = await store.readOutbox(afterSeq, size);
    if (rows.length === 0) break;
    const pending = (await store.countOutbox()) - rows.length;
    const body = {
      mutations: rows.map((r) => ({ id: r.id, kind: r.kind, op: r.op, baseRev: r.baseRev, data: r.data })),
      pending,
      ...(deps.appVersion ? { appVersion: deps.appVersion } : {}),
    };
    const res = await requestJson(deps, { method: 'POST', url: `${link.serverUrl}${API_PREFIX}/push`, token: link.token, body }, pushResponse);
    if (!res.ok) {
      if (res.reason === 'unauthorized') await markUnpaired(store, deps.clock.now().toISOString());
      return res;
    }
    const planned = planResults(rows, res.value.results);
    if (!planned.ok) return planned;
    await store.acknowledge(planned.steps.map(toAck));
    for (const s of planned.steps) counts[s.result.status] += 1;
    afterSeq = rows[rows.length - 1]?.seq ?? afterSeq;
  }
  counts.remaining = await store.countOutbox();
  return { ok: true, ...counts };
}

interface Step {
  row: OutboxEntry;
  result: MutationResult;
  /** For a conflict: the validated server record to write locally. */
  serverRecord?: ServerRecord;
}

const conflictRow = z.object({ deleted: z.boolean(), data: z.unknown() });

/** Validates every conflict's server record before anything is written. */
function planResults(rows: OutboxEntry[], results: MutationResult[]): Result<{ steps: Step[] }> {
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
    const serverRecord = toServerRecord(row.kind, server.data.data);
    if (serverRecord === 'invalid') return { ok: false, reason: 'malformed-response' };
    steps.push({ row, result, ...(serverRecord ? { serverRecord } : {}) });
  }
  return { ok: true, steps };
}

function toServerRecord(kind: OutboxEntry['kind'], server: unknown): ServerRecord | 'invalid' | undefined {
  if (kind === 'receipt' || kind === 'shiftReport') return undefined;
  if (kind === 'article') {
    const parsed = article.safeParse(server);
    return parsed.success ? { kind, data: parsed.data } : 'invalid';
  }
  if (kind === 'client') {
    const parsed = client.safeParse(server);
    return parsed.success ? { kind, data: parsed.data } : 'invalid';
  }
  const parsed = articleGroup.safeParse(server);
  return parsed.success ? { kind, data: parsed.data } : 'invalid';
}

/** Rejected: the row stays, marked. Otherwise it goes; a conflict's server record is written
 * first, and an upsert of a good or client created at the till makes it a back-office record. */
function toAck({ row, result, serverRecord }: Step): OutboxAck {
  if (result.status === 'rejected') return { id: row.id, outcome: 'rejected', lastError: `${REJECTED_PREFIX}${result.code}`, attempts: row.attempts + 1 };
  if (serverRecord) return { id: row.id, outcome: 'done', serverRecord };
  const { kind } = row;
  const id = (row.data as { id?: unknown } | null)?.id;
  if (row.op === 'upsert' && typeof id === 'string' && (kind === 'article' || kind === 'articleGroup' || kind === 'client')) {
    return { id: row.id, outcome: 'done', adopt: { kind, id } };
  }
  return { id: row.id, outcome: 'done' };
}
