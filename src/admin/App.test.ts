// @vitest-environment jsdom
// The admin shell rendered against a fake fetch: login, list states, saving a record, 401.
// (Plain .ts with createElement: the unit config collects server/**/*.test.ts only.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { App } from './App';
import { createAdminI18n } from './i18n';
import { AdminProviders } from './Providers';
import { createSession } from './session';

type Handler = (req: { method: string; path: string; body: string | null; auth: string | null }) => { status: number; body: unknown } | undefined;

function fakeServer(handler: Handler) {
  const calls: { method: string; path: string; body: string | null; auth: string | null }[] = [];
  const fetch = async (input: string, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const req = { method: init?.method ?? 'GET', path: input, body: typeof init?.body === 'string' ? init.body : null, auth: headers.get('authorization') };
    calls.push(req);
    const res = handler(req) ?? { status: 404, body: { error: { code: 'not_found', message: 'no route' } } };
    return new Response(JSON.stringify(res.body), { status: res.status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

const json = (body: unknown, status = 200) => ({ status, body });
const summary = { organization: { id: 'o', name: 'Chez Anna' }, stores: [{ id: 's', name: 'Main street' }], counts: { article: 2 }, tills: 1, receiptsToday: { count: 3, total: 4550 } };

function renderApp(handler: Handler, opts: { token?: string; hash?: string; lang?: 'en' | 'fr' } = {}) {
  const session = createSession(sessionStorage);
  if (opts.token) session.setToken(opts.token);
  window.location.hash = opts.hash ?? '';
  const server = fakeServer(handler);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(createElement(AdminProviders, { session, i18n: createAdminI18n(opts.lang ?? 'en'), fetch: server.fetch, queryClient, children: createElement(App) }));
  return { ...server, session };
}

beforeEach(() => sessionStorage.clear());
afterEach(() => cleanup());

describe('admin app', () => {
  it('logs in, keeps the token in the session and sends it as a bearer', async () => {
    const { calls, session } = renderApp(({ method, path }) => {
      if (method === 'POST' && path.endsWith('/admin/login')) return json({ token: 'T-123' });
      if (path.endsWith('/admin/summary')) return json(summary);
      return undefined;
    });
    fireEvent.change(screen.getByLabelText('Admin password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Chez Anna')).toBeTruthy();
    expect(session.getToken()).toBe('T-123');
    expect(calls.find((c) => c.path.endsWith('/summary'))?.auth).toBe('Bearer T-123');
    expect(screen.getByText('45.50')).toBeTruthy();
  });

  it('says a wrong password as such', async () => {
    renderApp(() => json({ error: { code: 'unauthorized', message: 'bad' } }, 401));
    fireEvent.change(screen.getByLabelText('Admin password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong password.');
  });

  it('goes back to the login form when a call answers 401', async () => {
    const { session } = renderApp(() => json({ error: { code: 'unauthorized', message: 'expired' } }, 401), { token: 'old' });
    expect(await screen.findByLabelText('Admin password')).toBeTruthy();
    expect(session.getToken()).toBeNull();
  });

  it('shows a list error with a retry that recovers, then the rows', async () => {
    let failing = true;
    renderApp(
      ({ path }) => {
        if (path.includes('/records/article?')) {
          if (failing) return json({ error: { code: 'internal', message: 'boom' } }, 500);
          return json({ items: [{ id: 'a1', rev: 1, data: { id: 'a1', sku: 'TEA', name: 'Green tea', groupId: null, barcodes: [], unit: 'pcs', vatRate: 550, price: 1234, active: true } }], total: 1 });
        }
        if (path.includes('/records/articleGroup')) return json({ items: [], total: 0 });
        return undefined;
      },
      { token: 't', hash: '#/catalog' },
    );
    const articles = screen.getByRole('region', { name: 'Articles' });
    const alert = await within(articles).findByRole('alert');
    failing = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(articles).findByText('Green tea')).toBeTruthy();
    expect(within(articles).getByText('12.34')).toBeTruthy();
    expect(within(articles).getByText('5.5 %')).toBeTruthy();
    const groups = screen.getByRole('region', { name: 'Article groups' });
    expect(await within(groups).findByText('No groups yet.')).toBeTruthy();
  });

  it('creates an article with the price and VAT parsed to integers', async () => {
    const { calls } = renderApp(
      ({ method, path }) => {
        if (method === 'PUT') return json({ id: 'x', rev: 1 });
        if (path.includes('/records/')) return json({ items: [], total: 0 });
        return undefined;
      },
      { token: 't', hash: '#/catalog' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'New article' }));
    const dialog = screen.getByRole('dialog', { name: 'New article' });
    fireEvent.change(within(dialog).getByLabelText('SKU'), { target: { value: 'C1' } });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Coffee' } });
    fireEvent.change(within(dialog).getByLabelText('VAT'), { target: { value: '5,5' } });
    fireEvent.change(within(dialog).getByLabelText('Price'), { target: { value: '2.5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.path).toMatch(/\/api\/v1\/admin\/records\/article\/[\w-]+$/);
    expect(JSON.parse(put?.body ?? '{}')).toMatchObject({ sku: 'C1', name: 'Coffee', vatRate: 550, price: 250, barcodes: [], unit: 'pcs' });
  });

  it('keeps the form open with a reason per invalid field', async () => {
    const { calls } = renderApp(({ path }) => (path.includes('/records/') ? json({ items: [], total: 0 }) : undefined), { token: 't', hash: '#/catalog' });
    fireEvent.click(await screen.findByRole('button', { name: 'New article' }));
    const dialog = screen.getByRole('dialog', { name: 'New article' });
    fireEvent.change(within(dialog).getByLabelText('Price'), { target: { value: '2.555' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByLabelText('Price').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Too many decimals.')).toBeTruthy();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('shows a new sync code large with its countdown', async () => {
    const expiresAt = new Date(Date.now() + 5 * 60_000).toISOString();
    renderApp(
      ({ method, path }) => {
        if (method === 'POST' && path.endsWith('/sync-codes')) return json({ code: 'K7Q2M9', expiresAt });
        if (path.endsWith('/tills')) return json({ items: [] });
        return undefined;
      },
      { token: 't', hash: '#/tills' },
    );
    expect(await screen.findByText(/No till is connected yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Generate a sync code' }));
    expect(await screen.findByText('K7Q2M9')).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toMatch(/^Expires in [45]:\d\d$/);
  });

  it('deletes a record only after confirmation, then says so', async () => {
    const group = { id: 'g1', name: 'Drinks', parentId: null, sort: 0, color: null };
    const { calls } = renderApp(
      ({ method, path }) => {
        if (method === 'DELETE') return json({ id: 'g1', rev: 2 });
        if (path.includes('/records/articleGroup')) return json({ items: [{ id: 'g1', rev: 1, data: group }], total: 1 });
        if (path.includes('/records/')) return json({ items: [], total: 0 });
        return undefined;
      },
      { token: 't', hash: '#/catalog' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Drinks' }));
    const confirm = screen.getByRole('alertdialog');
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(calls.find((c) => c.method === 'DELETE')?.path).toMatch(/\/records\/articleGroup\/g1$/);
    const groups = screen.getByRole('region', { name: 'Article groups' });
    expect(within(groups).getByRole('status').textContent).toBe('Deleted.');
  });

  it('revokes a till after confirmation; cancel sends nothing', async () => {
    const till = { id: 't1', deviceName: 'Front till', appVersion: '1', lastSeenAt: null, pending: 2, revoked: false, createdAt: '2026-11-23T09:00:00.000Z' };
    const { calls } = renderApp(
      ({ method, path }) => {
        if (method === 'POST' && path.endsWith('/tills/t1/revoke')) return json({ ok: true });
        if (path.endsWith('/tills')) return json({ items: [till] });
        return undefined;
      },
      { token: 't', hash: '#/tills' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Front till' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.path.endsWith('/revoke'))).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Revoke Front till' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/tills/t1/revoke'))).toBe(true));
  });

  it('lists the off-site backups with their till and size, and deletes one after confirmation', async () => {
    const till = { id: 't1', deviceName: 'Front till', appVersion: '1', lastSeenAt: null, pending: 0, revoked: false, createdAt: '2026-11-23T09:00:00.000Z' };
    let sets = [
      { setId: 's-old', tillId: 't0', tillCode: 'T1', deviceName: 'Old tablet', files: 40, bytes: 2_500_000, createdAt: '2026-10-01T09:00:00.000Z', updatedAt: '2026-10-20T09:00:00.000Z' },
      { setId: 's-front', tillId: 't1', tillCode: 'T2', deviceName: 'Front till', files: 12, bytes: 80_000, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-23T08:00:00.000Z' },
    ];
    const { calls } = renderApp(
      ({ method, path }) => {
        if (method === 'DELETE' && path.endsWith('/backups/s-old')) {
          sets = sets.filter((x) => x.setId !== 's-old');
          return json({ ok: true });
        }
        if (path.endsWith('/backups')) return json({ items: sets, quotaBytes: 2_000_000_000 });
        if (path.endsWith('/tills')) return json({ items: [till] });
        return undefined;
      },
      { token: 't', hash: '#/tills' },
    );
    const table = await screen.findByRole('table', { name: 'Off-site backups' });
    expect(within(table).getByText('Front till (T2)')).toBeTruthy();
    expect(within(table).getByText('Old tablet (T1) — Till no longer connected')).toBeTruthy();
    expect(within(table).getByText('2.5 MB')).toBeTruthy();
    expect(screen.getByText(/Space per till: 2 GB/)).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Delete Old tablet (T1) — Till no longer connected' }));
    expect(within(screen.getByRole('alertdialog')).getByText(/Delete the backup of “Old tablet \(T1\)/)).toBeTruthy();
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path.endsWith('/backups/s-old'))).toBe(true));
    await screen.findByText('Backup deleted.');
    await waitFor(() => expect(screen.queryByText(/Old tablet/)).toBeNull());
  });

  it('clears a discount target when its scope changes', async () => {
    const article = { id: 'a1', sku: 'TEA', name: 'Tea', groupId: null, barcodes: [], unit: 'pcs', vatRate: 0, price: 100, active: true };
    renderApp(
      ({ path }) => {
        if (path.includes('/records/article?')) return json({ items: [{ id: 'a1', rev: 1, data: article }], total: 1 });
        return path.includes('/records/') ? json({ items: [], total: 0 }) : undefined;
      },
      { token: 't', hash: '#/prices' },
    );
    fireEvent.click(await screen.findByRole('button', { name: 'New discount' }));
    const dialog = screen.getByRole('dialog', { name: 'New discount' });
    expect(within(dialog).queryByLabelText('Target')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Applies to'), { target: { value: 'article' } });
    await within(dialog).findByRole('option', { name: 'TEA — Tea' });
    fireEvent.change(within(dialog).getByLabelText('Target'), { target: { value: 'a1' } });
    expect((within(dialog).getByLabelText('Target') as HTMLSelectElement).value).toBe('a1');
    fireEvent.change(within(dialog).getByLabelText('Applies to'), { target: { value: 'group' } });
    expect((within(dialog).getByLabelText('Target') as HTMLSelectElement).value).toBe('');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByLabelText('Target').getAttribute('aria-invalid')).toBe('true');
  });

  it('speaks French when asked', async () => {
    renderApp(() => undefined, { lang: 'fr' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Connexion au back-office');
  });
});
