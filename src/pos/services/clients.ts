// Clients at the till: indexed search (name prefix, phone, card number) and offline creation and
// editing. Every change queues a 'client' upsert in the same transaction: clients are always pushed.
import { newId } from '../../db/ids';
import { searchKey, toClientRow, type ClientRow, type OrgDatabase } from '../../db/schema';
import { client as clientSchema, type Client } from '@model';
import { enqueueMutation } from '../../db/outbox';

export type ClientFailure = 'invalid-name' | 'invalid-field' | 'unknown-client' | 'not-local';
export type ClientResult = { ok: true; client: ClientRow } | { ok: false; reason: ClientFailure };

export interface ClientInput {
  name: string;
  phone: string;
  email: string;
  cardNumber: string;
}

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** Clients whose name starts with the query, or whose phone or card number equals it. */
export async function searchClients(db: OrgDatabase, query: string, limit = 50): Promise<ClientRow[]> {
  const q = query.trim();
  if (q === '') return db.clients.orderBy('nameKey').limit(limit).toArray();
  const [byName, byPhone, byCard] = await Promise.all([
    db.clients.where('nameKey').startsWith(searchKey(q)).limit(limit).toArray(),
    db.clients.where('phone').equals(q).limit(limit).toArray(),
    db.clients.where('cardNumber').equals(q).limit(limit).toArray(),
  ]);
  const seen = new Set<string>();
  const out: ClientRow[] = [];
  for (const c of [...byCard, ...byPhone, ...byName]) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(c);
  }
  return out.slice(0, limit);
}

function validate(id: string, input: ClientInput, priceListId: string | null): { ok: true; value: Client } | { ok: false; reason: ClientFailure } {
  if (input.name.trim() === '') return { ok: false, reason: 'invalid-name' };
  const parsed = clientSchema.safeParse({
    id,
    name: input.name.trim(),
    phone: orNull(input.phone),
    email: orNull(input.email),
    cardNumber: orNull(input.cardNumber),
    priceListId,
  });
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.some((i) => i.path[0] === 'name') ? 'invalid-name' : 'invalid-field' };
  return { ok: true, value: parsed.data };
}

/** Creates a client at the till (origin 'local') and queues it for the back office. */
export async function createClient(db: OrgDatabase, input: ClientInput, now: string): Promise<ClientResult> {
  const checked = validate(newId(), input, null);
  if (!checked.ok) return checked;
  const row = toClientRow(checked.value, 'local');
  await db.transaction('rw', [db.clients, db.outbox, db.settings], async () => {
    await db.clients.add(row);
    await enqueueMutation(db, { id: newId(), kind: 'client', op: 'upsert', data: checked.value }, now);
  });
  return { ok: true, client: row };
}

/** Edits a client created at this till; back-office clients are edited in the back office. */
export async function updateClient(db: OrgDatabase, id: string, input: ClientInput, now: string): Promise<ClientResult> {
  return db.transaction('rw', [db.clients, db.outbox, db.settings], async () => {
    const existing = await db.clients.get(id);
    if (!existing) return { ok: false, reason: 'unknown-client' } as const;
    if (existing.origin !== 'local') return { ok: false, reason: 'not-local' } as const;
    const checked = validate(id, input, existing.priceListId);
    if (!checked.ok) return checked;
    const row = toClientRow(checked.value, 'local');
    await db.clients.put(row);
    await enqueueMutation(db, { id: newId(), kind: 'client', op: 'upsert', data: checked.value }, now);
    return { ok: true, client: row } as const;
  });
}

/** The settings key the sale screen reads to attach a client to the current sale. */
export const PENDING_CLIENT_KEY = 'pendingClient';

export async function setPendingClient(db: OrgDatabase, clientId: string): Promise<void> {
  await db.settings.put({ key: PENDING_CLIENT_KEY, value: clientId });
}
