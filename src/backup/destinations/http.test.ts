import { describe, expect, it } from 'vitest';
import { httpDestination, listOffsiteSets } from './http';
import { inlineCodec } from '../format/codec';
import { runBackup, verifyBackup } from '../service';
import { setupBackupSet } from '../settings';
import { freshDb, seedOrg, stepClock } from '../test-fixtures';

/** A hand-written back office implementing the documented contract in memory. */
function fakeBackOffice(token: string) {
  const files = new Map<string, Uint8Array>();
  const calls: string[] = [];
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input));
    const method = init?.method ?? 'GET';
    calls.push(`${method} ${url.pathname}`);
    if (new Headers(init?.headers).get('authorization') !== `Bearer ${token}`) return new Response(null, { status: 401 });
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v1\/backup\//, ''));
    if (method === 'PUT') {
      files.set(path, new Uint8Array(init!.body as Uint8Array));
      return new Response(null, { status: 204 });
    }
    if (method === 'DELETE') return new Response(null, { status: files.delete(path) ? 204 : 404 });
    if (path.endsWith('/')) {
      const list = [...files].filter(([k]) => k.startsWith(path) && !k.slice(path.length).includes('/')).map(([k, v]) => ({ name: k.slice(path.length), size: v.length }));
      return list.length ? Response.json({ files: list }) : new Response(null, { status: 404 });
    }
    const f = files.get(path);
    return f ? new Response(f as Uint8Array<ArrayBuffer>) : new Response(null, { status: 404 });
  };
  return { files, calls, fetch: fetchFn as typeof fetch };
}

describe('back-office destination', () => {
  it('stores the off-site copy under /api/v1/backup/{setId}/ and verifies it', async () => {
    const db = freshDb();
    await seedOrg(db, { articles: 100, receipts: 30 });
    const clock = stepClock();
    const set = await setupBackupSet(db, { password: 'pw' }, { codec: inlineCodec, clock, scryptLogN: 2 });
    if (!set.ok) throw new Error(set.reason);
    const server = fakeBackOffice('tok');
    const dest = httpDestination({ baseUrl: 'https://bo.example/', setId: set.value.setId, token: 'tok', fetch: server.fetch });
    const run = await runBackup(db, dest, null, clock, undefined, { codec: inlineCodec, organization: { id: 'o', name: 'O' } });
    expect(run.ok).toBe(true);
    expect([...server.files.keys()].every((k) => k.startsWith(`${set.value.setId}/`))).toBe(true);
    expect(server.calls).toContain(`PUT /api/v1/backup/${set.value.setId}/HEAD`);
    expect((await verifyBackup(dest, 'deep', { codec: inlineCodec, secret: 'pw' })).ok).toBe(true);
  });

  it('reports a refused token as not-allowed and a network failure as offline', async () => {
    const server = fakeBackOffice('tok');
    const bad = httpDestination({ baseUrl: 'https://bo.example', setId: 's', token: 'wrong', fetch: server.fetch });
    await expect(bad.write('HEAD', new Uint8Array(1))).rejects.toMatchObject({ code: 'not-allowed' });
    const down = httpDestination({ baseUrl: 'https://bo.example', setId: 's', token: 'tok', fetch: async () => { throw new TypeError('fetch failed'); } });
    await expect(down.read('HEAD')).rejects.toMatchObject({ code: 'offline' });
  });

  it('lists the sets of the back office, and calls a malformed or refused listing an error, not an empty list', async () => {
    const answer = (body: unknown, status = 200) => (async () => Response.json(body, { status })) as unknown as typeof fetch;
    const good = {
      sets: [{ setId: 's1', tillCode: 'T1', deviceName: 'Chrome on Android', files: 4, bytes: 1200, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', own: true }],
      quota: { usedBytes: 1200, limitBytes: 5000 },
    };
    expect(await listOffsiteSets({ baseUrl: 'http://bo', token: 't', fetch: answer(good) })).toEqual(good);
    await expect(listOffsiteSets({ baseUrl: 'http://bo', token: 't', fetch: answer({ sets: [{ setId: 's1' }] }) })).rejects.toMatchObject({ code: 'io' });
    await expect(listOffsiteSets({ baseUrl: 'http://bo', token: 't', fetch: answer({}, 401) })).rejects.toMatchObject({ code: 'not-allowed' });
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(listOffsiteSets({ baseUrl: 'http://bo', token: 't', fetch: down })).rejects.toMatchObject({ code: 'offline' });
  });
});
