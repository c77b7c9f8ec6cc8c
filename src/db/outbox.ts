// Outbox writers and readers. A sale (or refund, shift report, till-created good or client)
// calls enqueueMutation INSIDE its own Dexie transaction, so the record and its outbox row are
// committed together or not at all.
import Dexie from 'dexie';
import type { OrgDatabase, OutboxKind } from './schema';
import { mutation } from '@model';

export const OUTBOX_SEQ_KEY = 'outboxSeq';

/** A broken invariant of the outbox (a bug in the caller), never an expected failure. */
export class OutboxInvariantError extends Error {
  constructor(
    readonly code: 'no-transaction' | 'invalid-mutation',
    message: string,
  ) {
    super(message);
    this.name = 'OutboxInvariantError';
  }
}

export interface NewMutation {
  id: string;
  kind: OutboxKind;
  op: 'upsert' | 'delete';
  data: unknown;
  baseRev?: number | null;
}

/** Must run inside `db.transaction('rw', [..., db.outbox, db.settings], ...)`. The seq comes from
 * a counter row in settings, updated in the same transaction, so it only ever grows. */
export async function enqueueMutation(db: OrgDatabase, m: NewMutation, now: string): Promise<void> {
  const tx = Dexie.currentTransaction;
  if (!tx || tx.mode !== 'readwrite' || !tx.storeNames.includes('outbox') || !tx.storeNames.includes('settings')) {
    throw new OutboxInvariantError('no-transaction', 'enqueueMutation needs a rw transaction over outbox and settings');
  }
  const baseRev = m.baseRev ?? null;
  const checked = mutation.safeParse({ id: m.id, kind: m.kind, op: m.op, baseRev, data: m.data });
  if (!checked.success) throw new OutboxInvariantError('invalid-mutation', `mutation ${m.kind} ${m.id} fails the protocol schema`);
  const counter = await db.settings.get(OUTBOX_SEQ_KEY);
  const last = await db.outbox.orderBy('seq').last();
  const seq = Math.max(typeof counter?.value === 'number' ? counter.value : 0, last?.seq ?? 0) + 1;
  await db.settings.put({ key: OUTBOX_SEQ_KEY, value: seq });
  await db.outbox.add({ id: m.id, seq, kind: m.kind, op: m.op, baseRev, data: m.data, createdAt: now, attempts: 0, lastError: null });
}

/** Rows not yet acknowledged by the server (what the antenna shows). */
export function countPending(db: OrgDatabase): Promise<number> {
  return db.outbox.count();
}
