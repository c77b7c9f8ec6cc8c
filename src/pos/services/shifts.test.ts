import { afterEach, describe, expect, it } from 'vitest';
import type { OrgDatabase } from '../../db/schema';
import { commitReceipt } from './sales';
import { freshDb, line, saleDraft, tender } from './screens.fixtures';
import { closeShiftNow, openShiftNow, recordCashMove, shiftReport } from './shifts';

const T0 = '2026-03-02T08:00:00.000Z';
let db: OrgDatabase;
afterEach(async () => db?.delete());

describe('shift service', () => {
  it('numbers shifts per till and refuses a second open shift', async () => {
    db = await freshDb();
    const first = await openShiftNow(db, { operatorId: 'op-1', float: 10000, now: T0 });
    expect(first.ok && first.value.number).toBe(1);
    expect(await openShiftNow(db, { operatorId: 'op-1', float: 0, now: T0 })).toEqual({ ok: false, reason: 'already-open' });
    await closeShiftNow(db, { countedCash: 10000, operatorId: 'op-1', now: T0 });
    const second = await openShiftNow(db, { operatorId: 'op-1', float: 0, now: T0 });
    expect(second.ok && second.value.number).toBe(2);
    expect(second.ok && second.value.tillId).toBe('till-1');
  });

  it('closes with expected cash = float + cash sales − change + cash in − cash out, and the difference', async () => {
    db = await freshDb();
    const opened = await openShiftNow(db, { operatorId: 'op-1', float: 10000, now: T0 });
    if (!opened.ok) throw new Error(opened.reason);
    const shiftId = opened.value.id;
    await commitReceipt(db, saleDraft('r1', shiftId, [line()], [tender('cash', 500)], T0), T0);
    await commitReceipt(db, saleDraft('r2', shiftId, [line({ total: 1000, qtyMilli: 1000, unitPrice: 1000, vat: 167 })], [tender('card', 1000)], T0), T0);
    expect((await recordCashMove(db, { kind: 'in', amount: 2000, reason: 'change top-up', operatorId: 'op-1', now: T0 })).ok).toBe(true);
    expect((await recordCashMove(db, { kind: 'out', amount: 5000, reason: 'safe drop', operatorId: 'op-1', now: T0 })).ok).toBe(true);

    const x = await shiftReport(db);
    expect(x).toMatchObject({ salesCount: 2, salesTotal: 1300, byMethod: { cash: 300, card: 1000 }, expectedCash: 10000 + 300 + 2000 - 5000 });

    const z = await closeShiftNow(db, { countedCash: 7250, operatorId: 'op-2', now: '2026-03-02T18:00:00.000Z' });
    expect(z.ok).toBe(true);
    if (!z.ok) return;
    expect(z.value).toMatchObject({ expectedCash: 7300, countedCash: 7250, difference: -50, cashIn: 2000, cashOut: 5000, closedBy: 'op-2' });
    const row = await db.shifts.get(shiftId);
    expect(row?.status).toBe('closed');
    expect(row?.cashMoves).toHaveLength(2);
    const pushed = await db.outbox.where('kind').equals('shiftReport').toArray();
    expect(pushed).toHaveLength(1);
    expect(pushed[0]?.data).toMatchObject({ id: shiftId, difference: -50 });
  });

  it('refuses cash moves without a reason or without an open shift', async () => {
    db = await freshDb();
    expect(await recordCashMove(db, { kind: 'in', amount: 100, reason: 'x', operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: 'no-shift' });
    await openShiftNow(db, { operatorId: 'op-1', float: 0, now: T0 });
    expect(await recordCashMove(db, { kind: 'out', amount: 100, reason: '  ', operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: 'missing-reason' });
    expect(await recordCashMove(db, { kind: 'out', amount: 0, reason: 'x', operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: 'invalid-amount' });
  });

  it('writes nothing when closing fails', async () => {
    db = await freshDb();
    await openShiftNow(db, { operatorId: 'op-1', float: 0, now: T0 });
    expect(await closeShiftNow(db, { countedCash: -1, operatorId: 'op-1', now: T0 })).toEqual({ ok: false, reason: 'invalid-amount' });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.shifts.toArray())[0]?.status).toBe('open');
  });
});
