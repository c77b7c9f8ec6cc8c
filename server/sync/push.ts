// POST /push — applies mutations idempotently by mutation id. The claim on the mutations table
// and the write share one transaction, so a mutation is either fully applied with its result
// recorded, or not at all.
import { mutation, type Mutation, type MutationResult } from '@model';
import type { RecordKind } from '@model';
import { claimMutation, insertReceipt, upsertShiftReport, saveMutationResult, storedMutationResult } from '../store/documents';
import { getRecord, lockChangeSeq, writeRecords } from '../store/records';
import type { Database, Sql } from '../store/sql';

export interface RawMutation {
  id: string;
  kind: string;
  [key: string]: unknown;
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ')
    .slice(0, 500);
}

export class PushInvariantError extends Error {
  readonly code = 'mutation_without_result';
  constructor(readonly mutationId: string) {
    super(`mutation ${mutationId} is claimed but has no stored result`);
    this.name = 'PushInvariantError';
  }
}

type Checked = { raw: RawMutation; mutation: Mutation } | { raw: RawMutation; rejected: MutationResult };

/** Fast path: the batch's valid mutations in ONE transaction (one commit for a whole outbox
 * page). If that transaction fails on data PostgreSQL refuses or on a deadlock with a concurrent
 * resend, it rolled back entirely and each mutation is retried alone, so one bad row still only
 * rejects itself. Results keep the request's order. */
export async function pushMutations(db: Database, tillId: string, raws: readonly RawMutation[], now: Date): Promise<MutationResult[]> {
  const checked: Checked[] = raws.map((raw) => {
    const parsed = mutation.safeParse(raw);
    return parsed.success
      ? { raw, mutation: parsed.data }
      : { raw, rejected: { id: raw.id, status: 'rejected', code: 'invalid_mutation', message: describeIssues(parsed.error) } };
  });
  const valid = checked.flatMap((c) => ('mutation' in c ? [c.mutation] : []));
  let applied: MutationResult[];
  try {
    applied = await db.transaction(async (tx) => {
      const out: MutationResult[] = [];
      for (const m of valid) out.push(await applyOne(tx, tillId, m, now));
      return out;
    });
  } catch (err) {
    if (!isRetryableAlone(err)) throw err;
    applied = [];
    for (const m of valid) applied.push(await applyAlone(db, tillId, m, now));
  }
  let next = 0;
  return checked.map((c) => ('mutation' in c ? (applied[next++] as MutationResult) : c.rejected));
}

async function applyAlone(db: Database, tillId: string, m: Mutation, now: Date): Promise<MutationResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => applyOne(tx, tillId, m, now));
    } catch (err) {
      // SQLSTATE class 22 (data exception: a date PostgreSQL cannot hold, a NUL character) is bad
      // input that passed the schema: reject this mutation, keep the batch going.
      if (isDataException(err)) {
        return { id: m.id, status: 'rejected', code: 'invalid_data', message: 'a value is out of range for the back office' };
      }
      // A concurrent batch transaction may still deadlock with this one: try again, briefly.
      if (!isRetryableAlone(err) || attempt >= 3) throw err;
    }
  }
}

function sqlState(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

function isDataException(err: unknown): boolean {
  return sqlState(err)?.startsWith('22') ?? false;
}

/** Data exceptions, deadlocks (40P01) and serialization failures (40001). */
function isRetryableAlone(err: unknown): boolean {
  const code = sqlState(err);
  return code !== null && (code.startsWith('22') || code === '40P01' || code === '40001');
}

async function applyOne(tx: Sql, tillId: string, m: Mutation, now: Date): Promise<MutationResult> {
  if (!(await claimMutation(tx, m.id, tillId, now))) return answerDuplicate(tx, m.id);
  const result = await applyClaimed(tx, tillId, m, now);
  await saveMutationResult(tx, m.id, result);
  return result;
}

async function answerDuplicate(sql: Sql, id: string): Promise<MutationResult> {
  const stored = await storedMutationResult(sql, id);
  // The claim waited for the holder's commit, so a missing result is a broken invariant: answer
  // 500 (the till retries) rather than `rejected`, which would drop the row from its outbox.
  if (!stored) throw new PushInvariantError(id);
  if (stored.status === 'applied' || stored.status === 'duplicate') return { id, status: 'duplicate', rev: stored.rev };
  return stored;
}

async function applyClaimed(tx: Sql, tillId: string, m: Mutation, now: Date): Promise<MutationResult> {
  switch (m.kind) {
    case 'receipt': {
      const r = await insertReceipt(
        tx,
        { id: m.data.id, mutationId: m.id, tillId, data: m.data, createdAt: m.data.createdAt, total: m.data.total, vat: m.data.vatTotal },
        now,
      );
      return { id: m.id, status: r.inserted ? 'applied' : 'duplicate', rev: r.rev };
    }
    case 'shiftReport': {
      const r = await upsertShiftReport(tx, { id: m.data.id, mutationId: m.id, tillId, data: m.data }, now);
      return { id: m.id, status: 'applied', rev: r.rev };
    }
    case 'article':
    case 'articleGroup':
    case 'client':
      return applyRecord(tx, m.id, m.kind, m.op, m.baseRev ?? null, m.data, now);
  }
}

/** Goods and clients edited at a till: the back office wins when the till's base is stale. */
async function applyRecord(
  tx: Sql,
  mutationId: string,
  kind: RecordKind,
  op: 'upsert' | 'delete',
  baseRev: number | null,
  data: Record<string, unknown> & { id: string },
  now: Date,
): Promise<MutationResult> {
  await lockChangeSeq(tx);
  const current = await getRecord(tx, kind, data.id);
  const stale = current !== null && (baseRev === null || baseRev < current.rev);
  if (current && stale) {
    return { id: mutationId, status: 'conflict', rev: current.rev, server: current };
  }
  const [rev] = await writeRecords(tx, [{ kind, id: data.id, data: op === 'delete' ? null : data, origin: 'till' }], now);
  return { id: mutationId, status: 'applied', rev: rev as number };
}
