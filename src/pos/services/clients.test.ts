import { afterEach, describe, expect, it } from 'vitest';
import { toClientRow, type OrgDatabase } from '../../db/schema';
import { createClient, searchClients, setPendingClient, updateClient } from './clients';
import { freshDb } from './screens.fixtures';

const T0 = '2026-03-02T08:00:00.000Z';
let db: OrgDatabase;
afterEach(async () => db?.delete());
const blank = { name: '', phone: '', email: '', cardNumber: '' };

describe('client service', () => {
  it('creates a local client and enqueues a client upsert in the same transaction', async () => {
    db = await freshDb();
    const r = await createClient(db, { ...blank, name: 'Élodie Martin', phone: '0601020304' }, T0);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.client).toMatchObject({ origin: 'local', nameKey: 'elodie martin', email: null, phone: '0601020304' });
    const rows = await db.outbox.where('kind').equals('client').toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ op: 'upsert', baseRev: null, data: { id: r.client.id, name: 'Élodie Martin' } });
  });

  it('refuses a client without a name and writes nothing', async () => {
    db = await freshDb();
    expect(await createClient(db, { ...blank, name: '   ' }, T0)).toEqual({ ok: false, reason: 'invalid-name' });
    expect(await db.clients.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('edits local clients only, queueing each edit', async () => {
    db = await freshDb();
    await db.clients.put(toClientRow({ id: 'erp-1', name: 'Back office', phone: null, email: null, cardNumber: null, priceListId: null }, 'erp'));
    expect(await updateClient(db, 'erp-1', { ...blank, name: 'X' }, T0)).toEqual({ ok: false, reason: 'not-local' });
    const created = await createClient(db, { ...blank, name: 'Anna' }, T0);
    if (!created.ok) throw new Error(created.reason);
    const edited = await updateClient(db, created.client.id, { ...blank, name: 'Anna Nowak', cardNumber: 'C-77' }, T0);
    expect(edited.ok && edited.client.cardNumber).toBe('C-77');
    expect(await db.outbox.count()).toBe(2);
  });

  it('finds clients by name prefix, phone or card number', async () => {
    db = await freshDb();
    await createClient(db, { ...blank, name: 'Zoé Durand', phone: '0700', cardNumber: 'CARD-1' }, T0);
    await createClient(db, { ...blank, name: 'Zacharie', phone: '0800' }, T0);
    expect((await searchClients(db, 'zoe')).map((c) => c.name)).toEqual(['Zoé Durand']);
    expect((await searchClients(db, '0800')).map((c) => c.name)).toEqual(['Zacharie']);
    expect((await searchClients(db, 'CARD-1')).map((c) => c.name)).toEqual(['Zoé Durand']);
    expect(await searchClients(db, '')).toHaveLength(2);
  });

  it('stores the client to attach as the pending client of the sale', async () => {
    db = await freshDb();
    await setPendingClient(db, 'c-1');
    expect((await db.settings.get('pendingClient'))?.value).toBe('c-1');
  });
});
