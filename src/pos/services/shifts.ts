// Shift storage: opening, cash moves, X report and closing (Z report) over db.shifts. The rules
// are the domain's (shift.ts); this module reads and writes the rows and, on closing, queues the
// Z report for the back office in the same transaction.
import { newId } from '../../db/ids';
import type { OrgDatabase, ShiftRow } from '../../db/schema';
import type { ShiftReport } from '@model';
import { enqueueMutation } from '../../db/outbox';
import { cashIn, cashOut, closeShift, openShift, xReport, type Shift, type ShiftFailure } from '../domain';
import { getTillIdentity } from './sales';

export type ShiftServiceFailure = ShiftFailure | 'already-open' | 'no-shift';
export type ShiftResult<T> = { ok: true; value: T } | { ok: false; reason: ShiftServiceFailure };

export function toShift(row: ShiftRow): Shift {
  return {
    id: row.id,
    tillId: row.tillId,
    number: row.number,
    openedBy: row.openedBy,
    openedAt: row.openedAt,
    openingFloat: row.openingFloat as Shift['openingFloat'],
    cashMoves: row.cashMoves.map((m) => ({ ...m, amount: m.amount as Shift['openingFloat'] })),
    closedBy: row.closedBy,
    closedAt: row.closedAt,
    countedCash: row.countedCash as Shift['countedCash'],
  };
}

function toRow(shift: Shift, report: ShiftReport, status: ShiftRow['status']): ShiftRow {
  return { ...report, status, cashMoves: shift.cashMoves.map((m) => ({ ...m })) };
}

export function findOpenShift(db: OrgDatabase): Promise<ShiftRow | undefined> {
  return db.shifts.where('status').equals('open').first();
}

/** Opens the till's next shift (numbers grow per till) with a float in base minor units. */
export async function openShiftNow(
  db: OrgDatabase,
  input: { operatorId: string; float: number; now: string },
): Promise<ShiftResult<ShiftRow>> {
  const { tillId } = await getTillIdentity(db);
  return db.transaction('rw', [db.shifts], async () => {
    if (await findOpenShift(db)) return { ok: false, reason: 'already-open' } as const;
    const last = await db.shifts.orderBy('number').last();
    const opened = openShift({ id: newId(), tillId, number: (last?.number ?? 0) + 1, operatorId: input.operatorId, now: input.now, float: input.float });
    if (!opened.ok) return opened;
    const row = toRow(opened.value, xReport(opened.value, []), 'open');
    await db.shifts.add(row);
    return { ok: true, value: row } as const;
  });
}

/** Cash put in (kind 'in') or taken out ('out') of the drawer, with a reason. */
export async function recordCashMove(
  db: OrgDatabase,
  input: { kind: 'in' | 'out'; amount: number; reason: string; operatorId: string; now: string },
): Promise<ShiftResult<ShiftRow>> {
  return db.transaction('rw', [db.shifts], async () => {
    const row = await findOpenShift(db);
    if (!row) return { ok: false, reason: 'no-shift' } as const;
    const apply = input.kind === 'in' ? cashIn : cashOut;
    const moved = apply(toShift(row), { amount: input.amount, reason: input.reason, operatorId: input.operatorId, now: input.now });
    if (!moved.ok) return moved;
    const next: ShiftRow = { ...row, cashMoves: moved.value.cashMoves.map((m) => ({ ...m })) };
    await db.shifts.put(next);
    return { ok: true, value: next } as const;
  });
}

/** The X report of a shift (the open one by default), from its receipts so far. */
export async function shiftReport(db: OrgDatabase, shiftId?: string): Promise<ShiftReport | null> {
  const row = shiftId ? await db.shifts.get(shiftId) : await findOpenShift(db);
  if (!row) return null;
  if (row.status === 'closed') return stripRow(row);
  const receipts = await db.receipts.where('shiftId').equals(row.id).toArray();
  return xReport(toShift(row), receipts);
}

function stripRow(row: ShiftRow): ShiftReport {
  const { status: _status, cashMoves: _moves, ...report } = row;
  return report;
}

/** Closes the open shift with the counted cash; the Z report is stored and queued for push. */
export async function closeShiftNow(
  db: OrgDatabase,
  input: { countedCash: number; operatorId: string; now: string },
): Promise<ShiftResult<ShiftReport>> {
  return db.transaction('rw', [db.shifts, db.receipts, db.outbox, db.settings], async () => {
    const row = await findOpenShift(db);
    if (!row) return { ok: false, reason: 'no-shift' } as const;
    const receipts = await db.receipts.where('shiftId').equals(row.id).toArray();
    const closed = closeShift(toShift(row), receipts, input.countedCash, input.now, input.operatorId);
    if (!closed.ok) return closed;
    await db.shifts.put(toRow(closed.value.shift, closed.value.report, 'closed'));
    await enqueueMutation(db, { id: `shift-${row.id}`, kind: 'shiftReport', op: 'upsert', data: closed.value.report }, input.now);
    return { ok: true, value: closed.value.report } as const;
  });
}
