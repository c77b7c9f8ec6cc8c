import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createAdminApi, type AdminApiError } from './api';
import { createSession } from './session';

const ORIGIN = 'http://admin.test';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

function setup(token: string | null = 'tok-1') {
  const session = createSession(memoryStorage());
  if (token) session.setToken(token);
  let unauthorized = 0;
  const api = createAdminApi({
    fetch: (input, init) => fetch(input, init),
    baseUrl: ORIGIN,
    getToken: session.getToken,
    onUnauthorized: () => {
      unauthorized++;
      session.clear();
    },
  });
  return { api, session, unauthorizedCount: () => unauthorized };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as AdminApiError).code;
  }
  return 'resolved';
}

const url = (path: string) => `${ORIGIN}/api/v1/admin${path}`;

describe('admin api client', () => {
  it('logs in with the password and returns the token, sending no bearer', async () => {
    let seen: { body: unknown; auth: string | null } | null = null;
    server.use(
      http.post(url('/login'), async ({ request }) => {
        seen = { body: await request.json(), auth: request.headers.get('authorization') };
        return HttpResponse.json({ token: 'new-token' });
      }),
    );
    const { api } = setup(null);
    await expect(api.login('secret')).resolves.toBe('new-token');
    expect(seen).toEqual({ body: { password: 'secret' }, auth: null });
  });

  it('reports a wrong password as unauthorized without a session reset', async () => {
    server.use(http.post(url('/login'), () => HttpResponse.json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 })));
    const { api, unauthorizedCount } = setup(null);
    expect(await codeOf(api.login('bad'))).toBe('unauthorized');
    expect(unauthorizedCount()).toBe(0);
  });

  it('sends the bearer token and clears the session on a 401', async () => {
    let auth: string | null = null;
    server.use(
      http.get(url('/tills'), ({ request }) => {
        auth = request.headers.get('authorization');
        return HttpResponse.json({ error: { code: 'unauthorized', message: 'expired' } }, { status: 401 });
      }),
    );
    const { api, session, unauthorizedCount } = setup('tok-1');
    expect(await codeOf(api.listTills())).toBe('unauthorized');
    expect(auth).toBe('Bearer tok-1');
    expect(unauthorizedCount()).toBe(1);
    expect(session.getToken()).toBeNull();
  });

  it('passes search and paging to the records endpoint', async () => {
    let query: URLSearchParams | null = null;
    server.use(
      http.get(url('/records/article'), ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({ items: [{ id: 'a1', rev: 3, data: { id: 'a1', name: 'Tea' } }], total: 41 });
      }),
    );
    const { api } = setup();
    const page = await api.listRecords('article', { q: 'te a', limit: 20, offset: 40 });
    expect(page.total).toBe(41);
    expect(page.items[0]?.rev).toBe(3);
    expect(query!.get('q')).toBe('te a');
    expect(query!.get('limit')).toBe('20');
    expect(query!.get('offset')).toBe('40');
  });

  it('puts and deletes a record at its kind and id', async () => {
    const calls: string[] = [];
    server.use(
      http.put(url('/records/operator/op%201'), async ({ request }) => {
        calls.push(`PUT ${JSON.stringify(await request.json())}`);
        return HttpResponse.json({ id: 'op 1', rev: 2 });
      }),
      http.delete(url('/records/operator/op%201'), () => {
        calls.push('DELETE');
        return HttpResponse.json({ id: 'op 1', rev: 3 });
      }),
    );
    const { api } = setup();
    await expect(api.saveRecord('operator', 'op 1', { name: 'Ann', pin: '1234' })).resolves.toEqual({ id: 'op 1', rev: 2 });
    await expect(api.deleteRecord('operator', 'op 1')).resolves.toEqual({ id: 'op 1', rev: 3 });
    expect(calls).toEqual(['PUT {"name":"Ann","pin":"1234"}', 'DELETE']);
  });

  it('posts CSV as text/csv and returns the per-row errors', async () => {
    let seen: { type: string | null; text: string } | null = null;
    server.use(
      http.post(url('/import/article'), async ({ request }) => {
        seen = { type: request.headers.get('content-type'), text: await request.text() };
        return HttpResponse.json({ imported: 1, errors: [{ row: 3, code: 'bad_price', message: 'x' }] });
      }),
    );
    const { api } = setup();
    const csv = 'sku,name\nA1,Tea\n';
    const result = await api.importCsv('article', csv);
    expect(result.errors).toEqual([{ row: 3, code: 'bad_price', message: 'x' }]);
    expect(seen).toEqual({ type: 'text/csv', text: csv });
  });

  it('keeps the server error code of a failed call', async () => {
    server.use(http.post(url('/tills/t1/revoke'), () => HttpResponse.json({ error: { code: 'not_found', message: 'gone' } }, { status: 404 })));
    const { api, unauthorizedCount } = setup();
    expect(await codeOf(api.revokeTill('t1'))).toBe('not_found');
    expect(unauthorizedCount()).toBe(0);
  });

  it('keeps the server explanation of a refused record beside its code', async () => {
    server.use(http.put(url('/records/article/a1'), () => HttpResponse.json({ error: { code: 'bad_request', message: 'price: too small' } }, { status: 400 })));
    const { api } = setup();
    const error = await api.saveRecord('article', 'a1', {}).catch((e: unknown) => e as AdminApiError);
    expect(error).toMatchObject({ code: 'bad_request', status: 400 });
    expect((error as AdminApiError).detail).toBeTypeOf('string');
  });

  it('treats a malformed answer as bad_response', async () => {
    server.use(http.post(url('/sync-codes'), () => HttpResponse.json({ code: 'AB12' })));
    const { api } = setup();
    expect(await codeOf(api.issueSyncCode())).toBe('bad_response');
  });

  it('turns a failed connection into network and an HTML 500 into http_error', async () => {
    server.use(
      http.get(url('/summary'), () => HttpResponse.error()),
      http.get(url('/shift-reports'), () => new HttpResponse('<html>oops</html>', { status: 500 })),
    );
    const { api } = setup();
    expect(await codeOf(api.summary())).toBe('network');
    expect(await codeOf(api.listShiftReports({ limit: 10, offset: 0 }))).toBe('http_error');
  });

  it('filters receipts by till and returns the totals', async () => {
    let tillId: string | null = null;
    server.use(
      http.get(url('/receipts'), ({ request }) => {
        tillId = new URL(request.url).searchParams.get('tillId');
        return HttpResponse.json({ items: [], total: 0, totals: { count: 0, total: 0, vat: 0 } });
      }),
    );
    const { api } = setup();
    const page = await api.listReceipts({ limit: 25, offset: 0, tillId: 'till-7' });
    expect(page.totals).toEqual({ count: 0, total: 0, vat: 0 });
    expect(tillId).toBe('till-7');
  });
});
