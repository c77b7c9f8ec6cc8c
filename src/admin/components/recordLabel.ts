// How a record is named in pickers, tables and confirmations.
import type { RecordKind } from '@model';

const s = (v: unknown) => (typeof v === 'string' ? v : '');

export function recordLabel(kind: RecordKind, data: Readonly<Record<string, unknown>>): string {
  if (kind === 'article') return `${s(data.sku)} — ${s(data.name)}`;
  if (kind === 'currency') return `${s(data.code)} — ${s(data.name)}`;
  if (kind === 'parameters') return s(data.shopName);
  if (kind === 'price') return `${s(data.articleId)} @ ${s(data.priceListId)}`;
  return s(data.name) || s(data.id);
}
