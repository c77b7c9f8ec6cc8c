// What each record kind's edit form shows, in order, and the blank record a "New" form starts
// from. Validation itself is the entity zod schema (src/sync/entities.ts), see convert.ts.
import type { RecordKind } from '@model';
import { checkbox, datetime, decimalText, integer, lines, money, percent, ref, rights, scaledBy, select, text, type FieldSpec } from './codecs';

const pin: FieldSpec = {
  name: 'pin',
  widget: 'pin',
  toDraft: () => '',
  fromDraft: (v) => ({ ok: true, value: typeof v === 'string' ? v.trim() : '' }),
};

const discountTarget = (values: Readonly<Record<string, unknown>>): RecordKind | null =>
  values.scope === 'article' ? 'article' : values.scope === 'group' ? 'articleGroup' : null;

export const FORM_SPECS: Record<RecordKind, readonly FieldSpec[]> = {
  article: [
    text('sku'),
    text('name'),
    ref('groupId', 'articleGroup', { nullable: true }),
    lines('barcodes'),
    select('unit', ['pcs', 'kg', 'l', 'm']),
    percent('vatRate'),
    money('price'),
    checkbox('active'),
  ],
  articleGroup: [text('name'), ref('parentId', 'articleGroup', { nullable: true }), integer('sort', { allowNegative: true }), text('color', { nullable: true })],
  priceList: [text('name'), integer('priority', { allowNegative: true })],
  price: [ref('priceListId', 'priceList'), ref('articleId', 'article'), money('amount'), datetime('validFrom'), datetime('validTo')],
  discount: [
    text('name'),
    select('scope', ['article', 'group', 'basket'], ['targetId']),
    ref('targetId', discountTarget, { nullable: false }),
    select('kind', ['percent', 'amount']),
    scaledBy('value', (v) => (v.kind === 'percent' ? 'percent' : 'money')),
    scaledBy('minimum', (v) => (v.scope === 'basket' ? 'money' : 'quantity')),
    datetime('validFrom'),
    datetime('validTo'),
    checkbox('active'),
  ],
  currency: [text('code', { fixedOnEdit: true }), text('name'), integer('decimals'), decimalText('rate'), checkbox('acceptedAsCash')],
  client: [
    text('name'),
    text('phone', { nullable: true }),
    text('email', { nullable: true }),
    text('cardNumber', { nullable: true }),
    ref('priceListId', 'priceList', { nullable: true }),
  ],
  role: [text('name'), rights('rights')],
  operator: [text('name'), ref('roleId', 'role'), pin, checkbox('active')],
  parameters: [
    text('shopName'),
    text('receiptHeader', { multiline: true }),
    text('receiptFooter', { multiline: true }),
    select('taxMode', ['inclusive', 'exclusive']),
    ref('baseCurrency', 'currency'),
    money('cashRounding'),
  ],
};

/** The record a "New" form starts from (ids are assigned on save). */
export const BLANK_RECORDS: Record<RecordKind, Record<string, unknown>> = {
  article: { sku: '', name: '', groupId: null, barcodes: [], unit: 'pcs', vatRate: 2000, price: 0, active: true },
  articleGroup: { name: '', parentId: null, sort: 0, color: null },
  priceList: { name: '', priority: 0 },
  price: { priceListId: '', articleId: '', amount: 0, validFrom: null, validTo: null },
  discount: { name: '', scope: 'basket', targetId: null, kind: 'percent', value: 0, minimum: 0, validFrom: null, validTo: null, active: true },
  currency: { code: '', name: '', decimals: 2, rate: '1', acceptedAsCash: false },
  client: { name: '', phone: null, email: null, cardNumber: null, priceListId: null },
  role: { name: '', rights: [] },
  operator: { name: '', roleId: '', active: true },
  parameters: { shopName: '', receiptHeader: '', receiptFooter: '', taxMode: 'inclusive', baseCurrency: 'EUR', cashRounding: 1 },
};
