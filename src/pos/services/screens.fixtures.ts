// Test fixtures for the shift, refund, client and list services: a fresh organization database
// with shop parameters, and receipts built by hand (valid against the protocol schema).
import { OrgDatabase } from '../../db/schema';
import type { Receipt, ReceiptLine, Tender } from '@model';

let counter = 0;

export async function freshDb(): Promise<OrgDatabase> {
  counter += 1;
  const db = new OrgDatabase(`screens-test-${counter}-${Math.random().toString(36).slice(2)}`);
  await db.open();
  await db.parameters.put({
    id: 'shop',
    shopName: 'Test shop',
    receiptHeader: '',
    receiptFooter: '',
    taxMode: 'inclusive',
    baseCurrency: 'EUR',
    cashRounding: 1,
  });
  await db.currencies.put({ code: 'EUR', name: 'Euro', decimals: 2, rate: '1', acceptedAsCash: true });
  await db.settings.put({ key: 'till', value: { tillId: 'till-1', tillCode: 'T1' } });
  return db;
}

export function line(over: Partial<ReceiptLine> = {}): ReceiptLine {
  return { articleId: 'a1', sku: 'A1', name: 'Apple', qtyMilli: 2000, unitPrice: 150, vatRate: 2000, discount: 0, total: 300, vat: 50, ...over };
}

export function tender(method: Tender['method'], amount: number): Tender {
  return { method, amount, currency: 'EUR', foreignAmount: null, rate: null, label: null };
}

/** A sale receipt draft for commitReceipt: `lines` and `tenders` (change = paid − total). */
export function saleDraft(id: string, shiftId: string, lines: ReceiptLine[], tenders: Tender[], now: string): (seq: number) => Receipt {
  const total = lines.reduce((s, l) => s + l.total, 0);
  const paid = tenders.reduce((s, t) => s + t.amount, 0);
  return (seq) => ({
    id,
    number: `T1-${String(seq).padStart(6, '0')}`,
    kind: 'sale',
    tillId: 'till-1',
    shiftId,
    operatorId: 'op-1',
    clientId: null,
    refundOf: null,
    createdAt: now,
    currency: 'EUR',
    taxMode: 'inclusive',
    lines,
    basketDiscount: 0,
    subtotal: total,
    vatTotal: lines.reduce((s, l) => s + l.vat, 0),
    total,
    tenders,
    change: paid - total,
  });
}
