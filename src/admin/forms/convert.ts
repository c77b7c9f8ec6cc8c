// Record <-> form draft. `recordFromDraft` parses every field, then validates the whole record
// with the kind's entity schema, and answers either the record to PUT or one reason per field.
import { z } from 'zod';
import * as entities from '@model';
import { PIN_PATTERN, RECORD_KINDS, RECORD_KIND_NAMES, recordIdOf as keyOf, schemaOf, type RecordKind } from '@model';
import type { Draft, FieldError, MoneyScale } from './codecs';
import { FORM_SPECS } from './specs';

const PIN_FIELDS = ['pinHash', 'pinSalt', 'pinIterations'] as const;
const operatorWithoutPin = entities.operator.omit({ pinHash: true, pinSalt: true, pinIterations: true });

const SCHEMAS: Record<RecordKind, z.ZodType<Record<string, unknown>>> = {
  ...(Object.fromEntries(RECORD_KIND_NAMES.map((k) => [k, schemaOf(k)])) as Record<RecordKind, z.ZodType<Record<string, unknown>>>),
  operator: operatorWithoutPin,
};

/** The single parameters record's id when the server has none yet. */
export const PARAMETERS_ID = RECORD_KINDS.parameters.singleton;

export type ConvertResult =
  | { ok: true; id: string; data: Record<string, unknown> }
  | { ok: false; errors: Record<string, FieldError> };

export function draftFromRecord(kind: RecordKind, record: Readonly<Record<string, unknown>>, scale: MoneyScale): Draft {
  const draft: Draft = {};
  for (const field of FORM_SPECS[kind]) draft[field.name] = field.toDraft(record[field.name], record, scale);
  return draft;
}

/** The id a record is stored under (the registry's key: currencies by code, parameters fixed). */
export function recordIdOf(kind: RecordKind, data: Readonly<Record<string, unknown>>, existingId: string | null): string | null {
  if (existingId) return existingId;
  const spec: { key: string; singleton?: string } = RECORD_KINDS[kind];
  if (spec.singleton) return spec.singleton;
  return typeof data[spec.key] === 'string' ? keyOf(kind, data) : null;
}

function reasonOf(issue: z.core.$ZodIssue, value: unknown): FieldError {
  if (issue.code === 'too_small') return value === '' || value === null ? 'required' : 'too_small';
  if (issue.code === 'too_big') return 'too_big';
  if (issue.code === 'invalid_format') return 'invalid_format';
  if (issue.code === 'invalid_type' && (value === null || value === '')) return 'required';
  return 'invalid';
}

export interface ConvertContext extends MoneyScale {
  /** The stored record when editing, null for a new one. */
  existing: { id: string; data: Readonly<Record<string, unknown>> } | null;
  newId: () => string;
}

export function recordFromDraft(kind: RecordKind, draft: Draft, ctx: ConvertContext): ConvertResult {
  const errors: Record<string, FieldError> = {};
  const values: Record<string, unknown> = {};
  for (const field of FORM_SPECS[kind]) {
    const parsed = field.fromDraft(draft[field.name] ?? '', draft, ctx);
    if (parsed.ok) values[field.name] = parsed.value;
    else errors[field.name] = parsed.reason;
  }
  const spec: { key: string; singleton?: string } = RECORD_KINDS[kind];
  const hasId = spec.key === 'id' && !spec.singleton;
  const candidate: Record<string, unknown> = { ...values };
  if (hasId) candidate.id = typeof ctx.existing?.data.id === 'string' ? ctx.existing.data.id : (ctx.existing?.id ?? ctx.newId());
  delete candidate.pin;

  const checked = SCHEMAS[kind].safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const key = String(issue.path[0] ?? '');
      if (!(key in errors)) errors[key] = reasonOf(issue, candidate[key]);
    }
  }
  let data = checked.success ? checked.data : candidate;
  if (kind === 'operator') {
    const pinText = typeof values.pin === 'string' ? values.pin : '';
    const kept = ctx.existing && PIN_FIELDS.every((f) => ctx.existing?.data[f] !== undefined);
    if (pinText !== '') {
      if (!PIN_PATTERN.test(pinText)) errors.pin = 'bad_pin';
      data = { ...data, pin: pinText };
    } else if (kept && ctx.existing) {
      data = { ...data, ...Object.fromEntries(PIN_FIELDS.map((f) => [f, ctx.existing?.data[f]])) };
    } else {
      errors.pin = 'required';
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const id = recordIdOf(kind, data, ctx.existing?.id ?? null);
  if (id === null) return { ok: false, errors: { id: 'required' } };
  return { ok: true, id, data };
}
