// Validation of records written from the admin page, per kind. Operators may carry a plain
// `pin`, hashed here (src/sync/pin.ts) so the PIN itself is never stored.
import { z } from 'zod';
import { recordKind, schemaOf, type RecordKind } from '@model';
import { createPinRecord, PIN_PATTERN } from '@model';

export { recordKind };

export type Prepared =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; code: 'bad_request'; message: string };

const operatorInput = z.looseObject({ pin: z.string().regex(PIN_PATTERN).optional() });

/** Checks `body` for `kind` under the path id. `existing` is the stored data (for operators
 * whose PIN is not being changed). */
export async function prepareRecord(
  kind: RecordKind,
  id: string,
  body: unknown,
  existing: Record<string, unknown> | null,
): Promise<Prepared> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, code: 'bad_request', message: 'record data must be an object' };
  }
  let data: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  const idField = kind === 'currency' ? 'code' : kind === 'parameters' ? null : 'id';
  if (idField) {
    if (data[idField] !== undefined && data[idField] !== id) {
      return { ok: false, code: 'bad_request', message: `${idField} differs from the path` };
    }
    data[idField] = id;
  } else if (id !== 'parameters') {
    return { ok: false, code: 'bad_request', message: 'the parameters record has id "parameters"' };
  }
  if (kind === 'operator') {
    const op = operatorInput.safeParse(data);
    if (!op.success) return { ok: false, code: 'bad_request', message: 'pin: 4 to 6 digits' };
    const { pin, ...rest } = op.data;
    data = rest;
    if (pin !== undefined) Object.assign(data, await createPinRecord(pin));
    else if (data.pinHash === undefined && existing) {
      data = { ...data, pinHash: existing.pinHash, pinSalt: existing.pinSalt, pinIterations: existing.pinIterations };
    }
  }
  const parsed = schemaOf(kind).safeParse(data);
  if (!parsed.success) {
    const message = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    return { ok: false, code: 'bad_request', message };
  }
  return { ok: true, data: parsed.data };
}
