// A sale is all-or-nothing: receipt, stock moves and outbox row commit together or not at all.
import { describe, expect, it } from 'vitest';
import { commitReceipt } from './sales';
import { openShiftNow } from './shifts';
import { freshDb, line, saleDraft, tender } from './screens.fixtures';

const NOW = '2026-11-23T10:00:00.000Z';

async function withOpenShift() {
  const db = await freshDb();
  const opened = await openShiftNow(db, { operatorId: 'op-1', float: 1000, now: NOW });
  if (!opened.ok) throw new Error(opened.reason);
  const shift = (await db.shifts.where('status').equals('open').first())!;
  return { db, shiftId: shift.id };
}

async function counts(db: Awaited<ReturnType<typeof freshDb>>) {
  return { receipts: await db.receipts.count(), moves: await db.stockMoves.count(), outbox: await db.outbox.where('kind').equals('receipt').count() };
}

describe('commitReceipt', () => {
  it('writes the receipt, its stock moves and its outbox row with the next number', async () => {
    const { db, shiftId } = await withOpenShift();
    const r1 = await commitReceipt(db, saleDraft('r1', shiftId, [line()], [tender('cash', 500)], NOW), NOW);
    const r2 = await commitReceipt(db, saleDraft('r2', shiftId, [line(), line({ articleId: 'a2' })], [tender('card', 600)], NOW), NOW);
    expect(r1.ok && r1.receipt.number).toBe('T1-000001');
    expect(r2.ok && r2.receipt.number).toBe('T1-000002');
    expect(await counts(db)).toEqual({ receipts: 2, moves: 3, outbox: 2 });
    expect((await db.stockMoves.where('receiptId').equals('r1').first())?.qtyMilli).toBe(-2000);
  });

  it('runs the caller\'s write (clearing the open sale) in the same transaction: both or neither', async () => {
    const { db, shiftId } = await withOpenShift();
    await db.settings.put({ key: 'currentSale', value: { lines: ['paid line'] } });
    const clear = () => db.settings.put({ key: 'currentSale', value: { lines: [] } });
    const ok = await commitReceipt(db, saleDraft('r1', shiftId, [line()], [tender('cash', 500)], NOW), NOW, clear);
    expect(ok.ok).toBe(true);
    expect((await db.settings.get('currentSale'))?.value).toEqual({ lines: [] });

    await db.settings.put({ key: 'currentSale', value: { lines: ['next line'] } });
    db.outbox.hook('creating', () => {
      throw new Error('disk failure while writing the outbox');
    });
    await expect(commitReceipt(db, saleDraft('r2', shiftId, [line()], [tender('cash', 500)], NOW), NOW, clear)).rejects.toThrow();
    expect((await db.settings.get('currentSale'))?.value).toEqual({ lines: ['next line'] });
    expect(await counts(db)).toEqual({ receipts: 1, moves: 1, outbox: 1 });
  });

  it('leaves nothing of the sale when the outbox write fails', async () => {
    const { db, shiftId } = await withOpenShift();
    db.outbox.hook('creating', () => {
      throw new Error('disk failure while writing the outbox');
    });
    await expect(commitReceipt(db, saleDraft('r1', shiftId, [line()], [tender('cash', 500)], NOW), NOW)).rejects.toThrow();
    expect(await counts(db)).toEqual({ receipts: 0, moves: 0, outbox: 0 });
  });

  it('reports a full disk as "quota" and keeps nothing', async () => {
    const { db, shiftId } = await withOpenShift();
    db.outbox.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const r = await commitReceipt(db, saleDraft('r1', shiftId, [line()], [tender('cash', 500)], NOW), NOW);
    expect(r).toEqual({ ok: false, reason: 'quota' });
    expect(await counts(db)).toEqual({ receipts: 0, moves: 0, outbox: 0 });
  });

  it('refuses a sale with no open shift', async () => {
    const db = await freshDb();
    const r = await commitReceipt(db, saleDraft('r1', 'none', [line()], [tender('cash', 500)], NOW), NOW);
    expect(r).toEqual({ ok: false, reason: 'no-shift' });
    expect(await counts(db)).toEqual({ receipts: 0, moves: 0, outbox: 0 });
  });
});
