// POST /push — applies each mutation alone, in its own transaction, idempotent by mutation id.
// The claim on the mutations table and the write share one transaction, so a mutation is either
// fully applied with its result recorded, or not at all.
import { mutation, type Mutation, type MutationResult } from '../../src/sync/protocol';
import type { RecordKind } from '../../src/sync/entities';
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

export async function pushMutations(db: Database, tillId: string, raws: readonly RawMutation[], now: Date): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  for (const raw of raws) {
    const parsed = mutation.safeParse(raw);
    if (!parsed.success) {
      results.push({ id: raw.id, status: 'rejected', code: 'invalid_mutation', message: describeIssues(parsed.error) });
      continue;
    }
    try {
      results.push(await db.transaction((tx) => applyOne(tx, tillId, parsed.data, now)));
    } catch (err) {
      // SQLSTATE class 22 (data exception: a date PostgreSQL cannot hold, …) is bad input that
      // passed the schema: reject this mutation, keep the batch going. Anything else is a bug.
      if (!isDataException(err)) throw err;
      results.push({ id: raw.id, status: 'rejected', code: 'invalid_data', message: 'a value is out of range for the back office' });
    }
  }
  return results;
}

function isDataException(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('22');
}

async function applyOne(tx: Sql, tillId: string, m: Mutation, now: Date): Promise<MutationResult> {
  if (!(await claimMutation(tx, m.id, tillId, now))) return answerDuplicate(tx, m.id);
  const result = await applyClaimed(tx, tillId, m, now);
  await saveMutationResult(tx, m.id, result);
  return result;
}

async function answerDuplicate(sql: Sql, id: string): Promise<MutationResult> {
  const stored = await storedMutationResult(sql, id);
  if (!stored) return { id, status: 'rejected', code: 'in_progress', message: 'mutation is being applied; retry' };
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
