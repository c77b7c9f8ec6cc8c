import { describe, expect, it } from 'vitest';
import { draftFromRecord, recordFromDraft } from './convert';
import { BLANK_RECORDS } from './specs';

// A EUR shop: money with two decimals.
const eur = { moneyDecimals: 2 };
const newCtx = { existing: null, newId: () => 'new-1', ...eur };

describe('article form', () => {
  const stored = {
    id: 'a1',
    sku: 'TEA',
    name: 'Green tea',
    groupId: 'g1',
    barcodes: ['123', '456'],
    unit: 'pcs',
    vatRate: 550,
    price: 1234,
    active: true,
  };

  it('shows money as decimals, VAT as percent and barcodes one per line', () => {
    const draft = draftFromRecord('article', stored, eur);
    expect(draft).toMatchObject({ price: '12.34', vatRate: '5.5', barcodes: '123\n456', groupId: 'g1', active: true });
  });

  it('round-trips an unchanged record to the same data under its id', () => {
    const result = recordFromDraft('article', draftFromRecord('article', stored, eur), { existing: { id: 'a1', data: stored }, newId: () => 'x', ...eur });
    expect(result).toEqual({ ok: true, id: 'a1', data: stored });
  });

  it('parses decimal text into minor units and basis points for a new article', () => {
    const draft = { ...draftFromRecord('article', BLANK_RECORDS.article, eur), sku: 'C1', name: 'Coffee', price: '2,50', vatRate: '20', barcodes: '111|222' };
    const result = recordFromDraft('article', draft, newCtx);
    expect(result).toEqual({
      ok: true,
      id: 'new-1',
      data: { id: 'new-1', sku: 'C1', name: 'Coffee', groupId: null, barcodes: ['111', '222'], unit: 'pcs', vatRate: 2000, price: 250, active: true },
    });
  });

  it('reports a reason per field: unparseable price, empty name', () => {
    const draft = { ...draftFromRecord('article', BLANK_RECORDS.article, eur), sku: 'C1', name: '', price: '2.555' };
    const result = recordFromDraft('article', draft, newCtx);
    expect(result).toEqual({ ok: false, errors: { price: 'too_many_decimals', name: 'required' } });
  });
});

describe('operator form', () => {
  const stored = { id: 'o1', name: 'Ann', roleId: 'r1', pinHash: 'a'.repeat(64), pinSalt: 'b'.repeat(32), pinIterations: 100000, active: true };

  it('sends a new PIN instead of the hash fields', () => {
    const draft = { ...draftFromRecord('operator', stored, eur), pin: '4321' };
    const result = recordFromDraft('operator', draft, { existing: { id: 'o1', data: stored }, newId: () => 'x', ...eur });
    expect(result).toEqual({ ok: true, id: 'o1', data: { id: 'o1', name: 'Ann', roleId: 'r1', active: true, pin: '4321' } });
  });

  it('keeps the stored hash when the PIN is left empty', () => {
    const result = recordFromDraft('operator', draftFromRecord('operator', stored, eur), { existing: { id: 'o1', data: stored }, newId: () => 'x', ...eur });
    expect(result).toEqual({ ok: true, id: 'o1', data: stored });
  });

  it('requires a 4 to 6 digit PIN for a new operator', () => {
    const draft = { ...draftFromRecord('operator', BLANK_RECORDS.operator, eur), name: 'Bob', roleId: 'r1' };
    expect(recordFromDraft('operator', draft, newCtx)).toEqual({ ok: false, errors: { pin: 'required' } });
    expect(recordFromDraft('operator', { ...draft, pin: '12a' }, newCtx)).toEqual({ ok: false, errors: { pin: 'bad_pin' } });
  });
});

describe('discount form', () => {
  it('reads the value as percent or money and the minimum as quantity or money by scope', () => {
    const base = { ...draftFromRecord('discount', BLANK_RECORDS.discount, eur), name: 'Promo' };
    const basketPercent = recordFromDraft('discount', { ...base, scope: 'basket', kind: 'percent', value: '10', minimum: '50' }, newCtx);
    expect(basketPercent.ok && basketPercent.data).toMatchObject({ value: 1000, minimum: 5000, targetId: null });
    const articleAmount = recordFromDraft('discount', { ...base, scope: 'article', targetId: 'a1', kind: 'amount', value: '1.5', minimum: '2' }, newCtx);
    expect(articleAmount.ok && articleAmount.data).toMatchObject({ value: 150, minimum: 2000, targetId: 'a1' });
  });

  it('needs a target for an article discount', () => {
    const draft = { ...draftFromRecord('discount', BLANK_RECORDS.discount, eur), name: 'Promo', scope: 'article', targetId: '' };
    expect(recordFromDraft('discount', draft, newCtx)).toEqual({ ok: false, errors: { targetId: 'required' } });
  });
});

describe('records without an id field', () => {
  it('stores a currency under its code and checks the rate format', () => {
    const draft = { ...draftFromRecord('currency', BLANK_RECORDS.currency, eur), code: 'USD', name: 'Dollar', rate: '0.9231' };
    expect(recordFromDraft('currency', draft, newCtx)).toMatchObject({ ok: true, id: 'USD' });
    expect(recordFromDraft('currency', { ...draft, rate: '0,9' }, newCtx)).toMatchObject({ ok: true, data: { rate: '0.9' } });
    expect(recordFromDraft('currency', { ...draft, rate: '-1' }, newCtx)).toEqual({ ok: false, errors: { rate: 'invalid_format' } });
  });

  it('stores parameters under the existing id, with cash rounding in minor units', () => {
    const stored = { shopName: 'Shop', receiptHeader: '', receiptFooter: '', taxMode: 'inclusive', baseCurrency: 'EUR', cashRounding: 5 };
    const draft = draftFromRecord('parameters', stored, eur);
    expect(draft.cashRounding).toBe('0.05');
    expect(recordFromDraft('parameters', { ...draft, cashRounding: '0.10' }, { existing: { id: 'p', data: stored }, newId: () => 'x', ...eur })).toEqual({
      ok: true,
      id: 'p',
      data: { ...stored, cashRounding: 10 },
    });
  });
});

describe('price validity', () => {
  it('turns empty validity bounds into null and a local date into an ISO instant', () => {
    const draft = { ...draftFromRecord('price', BLANK_RECORDS.price, eur), priceListId: 'pl', articleId: 'a1', amount: '3', validFrom: '2026-01-02T10:00' };
    const result = recordFromDraft('price', draft, newCtx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.validTo).toBeNull();
    expect(new Date(String(result.data.validFrom)).getTime()).toBe(new Date('2026-01-02T10:00').getTime());
    expect(draftFromRecord('price', result.data, eur).validFrom).toBe('2026-01-02T10:00');
  });
});

describe('money fields in the base currency\'s decimals', () => {
  const stored = { id: 'a1', sku: 'TEA', name: 'Green tea', groupId: null, barcodes: [], unit: 'pcs', vatRate: 1000, price: 1234, active: true };

  it('a JPY shop (no decimals) shows and reads whole yen', () => {
    const jpy = { moneyDecimals: 0 };
    expect(draftFromRecord('article', stored, jpy).price).toBe('1234');
    const result = recordFromDraft('article', { ...draftFromRecord('article', stored, jpy), price: '1 500' }, { existing: { id: 'a1', data: stored }, newId: () => 'x', ...jpy });
    expect(result.ok && result.data.price).toBe(1500);
    const decimals = recordFromDraft('article', { ...draftFromRecord('article', stored, jpy), price: '15.5' }, { existing: { id: 'a1', data: stored }, newId: () => 'x', ...jpy });
    expect(decimals).toEqual({ ok: false, errors: { price: 'too_many_decimals' } });
  });

  it('a KWD shop (three decimals) shows and reads fils, also for a basket discount\'s minimum', () => {
    const kwd = { moneyDecimals: 3 };
    expect(draftFromRecord('article', stored, kwd).price).toBe('1.234');
    const discount = { ...draftFromRecord('discount', BLANK_RECORDS.discount, kwd), name: 'Promo', scope: 'basket', kind: 'amount', value: '0.5', minimum: '10.125' };
    const result = recordFromDraft('discount', discount, { existing: null, newId: () => 'd1', ...kwd });
    expect(result.ok && result.data).toMatchObject({ value: 500, minimum: 10125 });
  });
});
