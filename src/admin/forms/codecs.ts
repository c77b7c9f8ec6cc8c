// Field codecs: each turns a record value into what its input shows (a draft value) and the
// input back into a record value, with a fixed reason code when the text does not parse.
import type { RecordKind } from '@model';
import { moneyToInput, parseDecimal, parseMoney, parsePercent, parseQuantity, percentToInput, quantityToInput, type ParseReason } from '../numbers';

export type DraftValue = string | boolean | string[];
export type Draft = Record<string, DraftValue>;
export type FieldError = ParseReason | 'invalid' | 'invalid_format' | 'too_small' | 'too_big' | 'bad_pin';
export type FieldResult = { ok: true; value: unknown } | { ok: false; reason: FieldError };

export type Widget =
  | 'text'
  | 'textarea'
  | 'decimal'
  | 'integer'
  | 'checkbox'
  | 'select'
  | 'ref'
  | 'rights'
  | 'datetime'
  | 'lines'
  | 'pin';

/** What a field needs to know beyond its record: the base currency's decimals, in which every
 * money field of the records is kept (a JPY shop's prices have none, a KWD shop's three). */
export interface MoneyScale {
  moneyDecimals: number;
}

export interface FieldSpec {
  name: string;
  widget: Widget;
  /** Choices of a select; labels come from `fields.<kind>.<name>_<option>`. */
  options?: readonly string[];
  /** The kind a ref field points to, which may depend on other fields (a discount's scope). */
  refKind?: (draft: Draft) => RecordKind | null;
  nullable?: boolean;
  /** A suffix shown after the input ('%', a unit), itself a dictionary key. */
  unit?: (draft: Draft) => string | null;
  /** Cannot change once the record exists (it is the record id). */
  fixedOnEdit?: boolean;
  /** Fields emptied when this one changes (a discount's target when its scope changes). */
  resets?: readonly string[];
  toDraft(value: unknown, record: Readonly<Record<string, unknown>>, scale: MoneyScale): DraftValue;
  fromDraft(value: DraftValue, draft: Draft, scale: MoneyScale): FieldResult;
}

const str = (v: DraftValue): string => (typeof v === 'string' ? v : '');
const ok = (value: unknown): FieldResult => ({ ok: true, value });
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export function text(name: string, opts: { multiline?: boolean; nullable?: boolean; fixedOnEdit?: boolean } = {}): FieldSpec {
  return {
    name,
    widget: opts.multiline ? 'textarea' : 'text',
    nullable: opts.nullable,
    fixedOnEdit: opts.fixedOnEdit,
    toDraft: (v) => (typeof v === 'string' ? v : ''),
    fromDraft: (v) => {
      const s = opts.multiline ? str(v) : str(v).trim();
      return ok(opts.nullable && s === '' ? null : s);
    },
  };
}

/** A rate written as decimal text ("4.2731"); a decimal comma is accepted and stored as a dot. */
export function decimalText(name: string): FieldSpec {
  return {
    name,
    widget: 'decimal',
    toDraft: (v) => (typeof v === 'string' ? v : ''),
    fromDraft: (v) => ok(str(v).trim().replace(',', '.')),
  };
}

export function integer(name: string, opts: { allowNegative?: boolean } = {}): FieldSpec {
  return {
    name,
    widget: 'integer',
    toDraft: (v) => String(num(v)),
    fromDraft: (v) => parseDecimal(str(v), 0, opts),
  };
}

export function money(name: string): FieldSpec {
  return {
    name,
    widget: 'decimal',
    unit: () => 'units.money',
    toDraft: (v, _record, scale) => moneyToInput(num(v), scale.moneyDecimals),
    fromDraft: (v, _draft, scale) => parseMoney(str(v), scale.moneyDecimals),
  };
}

export function percent(name: string): FieldSpec {
  return { name, widget: 'decimal', unit: () => 'units.percent', toDraft: (v) => percentToInput(num(v)), fromDraft: (v) => parsePercent(str(v)) };
}

export function checkbox(name: string): FieldSpec {
  return { name, widget: 'checkbox', toDraft: (v) => v === true, fromDraft: (v) => ok(v === true) };
}

export function select(name: string, options: readonly string[], resets?: readonly string[]): FieldSpec {
  return {
    name,
    widget: 'select',
    options,
    resets,
    toDraft: (v) => (typeof v === 'string' ? v : (options[0] ?? '')),
    fromDraft: (v) => (options.includes(str(v)) ? ok(str(v)) : { ok: false, reason: 'invalid' }),
  };
}

export function ref(name: string, kind: RecordKind | ((draft: Draft) => RecordKind | null), opts: { nullable?: boolean } = {}): FieldSpec {
  const refKind = typeof kind === 'function' ? kind : () => kind;
  return {
    name,
    widget: 'ref',
    refKind,
    nullable: opts.nullable,
    toDraft: (v) => (typeof v === 'string' ? v : ''),
    fromDraft: (v, draft) => {
      if (refKind(draft) === null) return ok(null);
      const s = str(v);
      if (s === '') return opts.nullable ? ok(null) : { ok: false, reason: 'required' };
      return ok(s);
    },
  };
}

/** One barcode per line (a pasted "a|b|c" works too). */
export function lines(name: string): FieldSpec {
  return {
    name,
    widget: 'lines',
    toDraft: (v) => (Array.isArray(v) ? v.join('\n') : ''),
    fromDraft: (v) => ok(str(v).split(/[\n|]/).map((s) => s.trim()).filter((s) => s !== '')),
  };
}

export function rights(name: string): FieldSpec {
  return {
    name,
    widget: 'rights',
    toDraft: (v) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []),
    fromDraft: (v) => ok(Array.isArray(v) ? [...v] : []),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → the `datetime-local` input's local "YYYY-MM-DDTHH:mm". */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function datetime(name: string): FieldSpec {
  return {
    name,
    widget: 'datetime',
    nullable: true,
    toDraft: (v) => (typeof v === 'string' ? isoToLocalInput(v) : ''),
    fromDraft: (v) => {
      const s = str(v).trim();
      if (s === '') return ok(null);
      const d = new Date(s);
      return Number.isNaN(d.getTime()) ? { ok: false, reason: 'invalid_format' } : ok(d.toISOString());
    },
  };
}

/** A value whose unit follows another field: percent or money (a discount's value), money or
 * quantity (its minimum). */
export type ScaleMode = 'money' | 'percent' | 'quantity';

export function scaledBy(name: string, pick: (values: Readonly<Record<string, unknown>>) => ScaleMode): FieldSpec {
  return {
    name,
    widget: 'decimal',
    unit: (draft) => `units.${pick(draft)}`,
    toDraft: (v, record, scale) => formatScaledBy(pick(record), num(v), scale),
    fromDraft: (v, draft, scale) => {
      const mode = pick(draft);
      return mode === 'money' ? parseMoney(str(v), scale.moneyDecimals) : mode === 'percent' ? parsePercent(str(v)) : parseQuantity(str(v));
    },
  };
}

export function formatScaledBy(mode: ScaleMode, value: number, scale: MoneyScale): string {
  return mode === 'money' ? moneyToInput(value, scale.moneyDecimals) : mode === 'percent' ? percentToInput(value) : quantityToInput(value);
}
