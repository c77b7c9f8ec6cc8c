// Commits a receipt (sale or refund): the receipt, its stock moves and its outbox row are written
// in ONE strict transaction with the next sequence number, or nothing is written at all.
import Dexie from 'dexie';
import type { OrgDatabase } from '../../db/schema';
import type { Receipt } from '@model';
import { enqueueMutation } from '../../db/outbox';
import { getLink, syncStoreOf } from '../../sync';

export interface TillIdentity {
  tillId: string;
  tillCode: string;
}

export type CommitFailure = 'quota' | 'storage' | 'no-shift';
export type CommitResult = { ok: true; receipt: Receipt } | { ok: false; reason: CommitFailure };

/** The till's identity: from the back-office link when paired, else the local (demo) one. */
export async function getTillIdentity(db: OrgDatabase): Promise<TillIdentity> {
  const link = await getLink(syncStoreOf(db));
  if (link) return { tillId: link.tillId, tillCode: link.tillCode };
  const row = await db.settings.get('till');
  const local = row?.value as TillIdentity | undefined;
  return local ?? { tillId: 'local-till', tillCode: 'L1' };
}

/** Maps storage errors to reasons a cashier can act on; anything else is a bug and rethrows. */
export function storageReason(e: unknown): CommitFailure | null {
  const name = e instanceof Dexie.DexieError ? (e.inner?.name ?? e.name) : e instanceof DOMException ? e.name : null;
  if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return 'quota';
  if (name && /Abort|Transaction|Open|Database|Version|Constraint|Unknown|DataError|InvalidState/.test(name)) return 'storage';
  return null;
}

/**
 * `alsoInTransaction` runs inside the same transaction (it may write the settings table): the pay
 * screen clears the open sale there, so a reload or crash right after the commit cannot leave the
 * paid cart open to be paid a second time (a duplicated sale).
 */
export async function commitReceipt(
  db: OrgDatabase,
  draft: (seq: number) => Receipt,
  now: string,
  alsoInTransaction?: (receipt: Receipt) => Promise<unknown>,
): Promise<CommitResult> {
  try {
    const receipt = await db.transaction('rw', [db.receipts, db.stockMoves, db.outbox, db.settings, db.shifts], async () => {
      const shift = await db.shifts.where('status').equals('open').first();
      if (!shift) throw new NoShift();
      const last = await db.receipts.orderBy('seq').last();
      const seq = (last?.seq ?? 0) + 1;
      const r = draft(seq);
      if (r.shiftId !== shift.id) throw new NoShift();
      await db.receipts.add({ ...r, seq });
      await db.stockMoves.bulkAdd(
        r.lines
          .filter((l) => l.articleId !== null)
          .map((l, i) => ({ id: `${r.id}:${i}`, articleId: l.articleId!, receiptId: r.id, qtyMilli: -l.qtyMilli, at: r.createdAt })),
      );
      await enqueueMutation(db, { id: r.id, kind: 'receipt', op: 'upsert', data: r }, now);
      await alsoInTransaction?.(r);
      return r;
    });
    return { ok: true, receipt };
  } catch (e) {
    if (e instanceof NoShift) return { ok: false, reason: 'no-shift' };
    const reason = storageReason(e);
    if (reason) return { ok: false, reason };
    throw e;
  }
}

class NoShift extends Error {
  readonly code = 'no-shift';
}
