// The table columns of each record kind's list.
import type { ReactNode } from 'react';
import type { RecordKind } from '@model';
import { formatMoney, formatPercent } from '../numbers';
import { dynamicKey, type AdminKey } from '../i18n';

export interface CellContext {
  locale: string;
  /** The base currency's decimals: every money field of the records is in its minor units. */
  moneyDecimals: number;
  t: (key: AdminKey) => string;
  /** Display name of a referenced record of a kind. */
  nameOf: (kind: RecordKind, id: unknown) => string;
}

export interface Column {
  /** Dictionary key of the header. */
  header: AdminKey;
  cell: (data: Readonly<Record<string, unknown>>, ctx: CellContext) => ReactNode;
  numeric?: boolean;
}

const str = (v: unknown) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const money = (key: string): Column['cell'] => (d, c) => (typeof d[key] === 'number' ? formatMoney(d[key], c.moneyDecimals, c.locale) : '');
const yesNo = (key: string): Column['cell'] => (d, c) => c.t(d[key] === true ? 'common.yes' : 'common.no');
const date = (key: string): Column['cell'] => (d, c) => (typeof d[key] === 'string' ? new Date(d[key]).toLocaleString(c.locale) : c.t('common.none'));
const field = (kind: RecordKind, name: string, cell?: Column['cell'], numeric?: boolean): Column => ({
  header: dynamicKey(`fields.${kind}.${name}`),
  cell: cell ?? ((d) => str(d[name])),
  numeric,
});

export const COLUMNS: Record<RecordKind, Column[]> = {
  article: [
    field('article', 'sku'),
    field('article', 'name'),
    field('article', 'groupId', (d, c) => c.nameOf('articleGroup', d.groupId)),
    field('article', 'unit', (d, c) => c.t(dynamicKey(`fields.article.unit_${str(d.unit)}`))),
    field('article', 'vatRate', (d, c) => (typeof d.vatRate === 'number' ? formatPercent(d.vatRate, c.locale) : ''), true),
    field('article', 'price', money('price'), true),
    field('article', 'active', yesNo('active')),
  ],
  articleGroup: [field('articleGroup', 'name'), field('articleGroup', 'parentId', (d, c) => c.nameOf('articleGroup', d.parentId)), field('articleGroup', 'sort', undefined, true)],
  priceList: [field('priceList', 'name'), field('priceList', 'priority', undefined, true)],
  price: [
    field('price', 'priceListId', (d, c) => c.nameOf('priceList', d.priceListId)),
    field('price', 'articleId', (d, c) => c.nameOf('article', d.articleId)),
    field('price', 'amount', money('amount'), true),
    field('price', 'validFrom', date('validFrom')),
    field('price', 'validTo', date('validTo')),
  ],
  discount: [
    field('discount', 'name'),
    field('discount', 'scope', (d, c) => c.t(dynamicKey(`fields.discount.scope_${str(d.scope)}`))),
    field('discount', 'value', (d, c) =>
      typeof d.value !== 'number' ? '' : d.kind === 'percent' ? formatPercent(d.value, c.locale) : formatMoney(d.value, c.moneyDecimals, c.locale),
    true),
    field('discount', 'validTo', date('validTo')),
    field('discount', 'active', yesNo('active')),
  ],
  currency: [field('currency', 'code'), field('currency', 'name'), field('currency', 'rate', undefined, true), field('currency', 'acceptedAsCash', yesNo('acceptedAsCash'))],
  client: [field('client', 'name'), field('client', 'phone'), field('client', 'email'), field('client', 'cardNumber')],
  role: [field('role', 'name'), field('role', 'rights', (d, c) => (Array.isArray(d.rights) ? d.rights.map((r) => c.t(dynamicKey(`rights.${str(r)}`))).join(', ') : ''))],
  operator: [field('operator', 'name'), field('operator', 'roleId', (d, c) => c.nameOf('role', d.roleId)), field('operator', 'active', yesNo('active'))],
  parameters: [field('parameters', 'shopName'), field('parameters', 'baseCurrency')],
};

/** The kinds whose names a kind's columns look up. */
export const REFERENCED: Partial<Record<RecordKind, RecordKind[]>> = {
  article: ['articleGroup'],
  articleGroup: ['articleGroup'],
  price: ['priceList', 'article'],
  operator: ['role'],
};
