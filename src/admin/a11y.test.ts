// @vitest-environment jsdom
// axe-core over every section, rendered with sample data, and over the open dialogs.
// (Colour contrast cannot be computed in jsdom; the end-to-end run in Chromium covers it.)
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import axe from 'axe-core';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { App } from './App';
import { ROUTES } from './hooks/useHashRoute';
import { createAdminI18n } from './i18n';
import { AdminProviders } from './Providers';
import { createSession } from './session';

const now = '2026-11-23T09:00:00.000Z';
const receipt = {
  id: 'r1', number: 'T1-000001', kind: 'sale', tillId: 't1', shiftId: 's1', operatorId: 'o1', clientId: null, refundOf: null,
  createdAt: now, receivedAt: now, currency: 'EUR', taxMode: 'inclusive', basketDiscount: 0, subtotal: 250, vatTotal: 13, total: 250, change: 0,
  lines: [{ articleId: 'a1', sku: 'C1', name: 'Coffee', qtyMilli: 1000, unitPrice: 250, vatRate: 550, discount: 0, total: 250, vat: 13 }],
  tenders: [{ method: 'cash', amount: 250, currency: 'EUR', foreignAmount: null, rate: null, label: null }],
};
const records: Record<string, Record<string, unknown>> = {
  article: { id: 'a1', sku: 'C1', name: 'Coffee', groupId: 'g1', barcodes: ['123'], unit: 'pcs', vatRate: 550, price: 250, active: true },
  articleGroup: { id: 'g1', name: 'Drinks', parentId: null, sort: 0, color: null },
  priceList: { id: 'pl', name: 'Retail', priority: 1 },
  price: { id: 'p1', priceListId: 'pl', articleId: 'a1', amount: 240, validFrom: null, validTo: null },
  discount: { id: 'd1', name: 'Happy hour', scope: 'basket', targetId: null, kind: 'percent', value: 1000, minimum: 0, validFrom: null, validTo: null, active: true },
  currency: { code: 'EUR', name: 'Euro', decimals: 2, rate: '1', acceptedAsCash: true },
  client: { id: 'c1', name: 'Ann', phone: null, email: null, cardNumber: '42', priceListId: null },
  role: { id: 'r1', name: 'Cashier', rights: ['sell'] },
  operator: { id: 'o1', name: 'Bob', roleId: 'r1', pinHash: 'a'.repeat(64), pinSalt: 'b'.repeat(32), pinIterations: 100000, active: true },
  parameters: { shopName: 'Chez Anna', receiptHeader: '', receiptFooter: '', taxMode: 'inclusive', baseCurrency: 'EUR', cashRounding: 1 },
};

function respond(path: string): unknown {
  const kind = /\/records\/(\w+)/.exec(path)?.[1];
  if (kind) return { items: [{ id: String(records[kind]?.id ?? records[kind]?.code ?? kind), rev: 1, data: records[kind] }], total: 1 };
  if (path.endsWith('/summary')) return { organization: { name: 'Org' }, stores: [{ name: 'Main' }], counts: { article: 1 }, tills: 1, receiptsToday: { count: 1, total: 250 } };
  if (path.endsWith('/tills')) return { items: [{ id: 't1', deviceName: 'Front till', appVersion: '0.1.0', lastSeenAt: now, pending: 0, revoked: false, createdAt: now }] };
  if (path.includes('/receipts')) return { items: [receipt], total: 1, totals: { count: 1, total: 250, vat: 13 } };
  if (path.includes('/shift-reports')) return { items: [], total: 0 };
  return {};
}

async function renderAt(route: string) {
  const session = createSession(sessionStorage);
  session.setToken('t');
  window.location.hash = `#/${route}`;
  const fetch = async (input: string) => new Response(JSON.stringify(respond(input)), { headers: { 'content-type': 'application/json' } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(createElement(AdminProviders, { session, i18n: createAdminI18n('en'), fetch, queryClient, children: createElement(App) }));
  await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
}

async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// axe probes <canvas> for icon ligatures; jsdom has no canvas, so answer "unsupported" quietly.
beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = (() => null) as typeof HTMLCanvasElement.prototype.getContext;
});
afterEach(() => cleanup());

describe('accessibility (axe-core)', () => {
  it.each(ROUTES)('the %s section has no violations', async (route) => {
    await renderAt(route);
    expect(await violations()).toEqual([]);
  });

  it('the login form has no violations', async () => {
    sessionStorage.clear();
    window.location.hash = '';
    const fetch = async () => new Response('{}');
    render(createElement(AdminProviders, { session: createSession(sessionStorage), i18n: createAdminI18n('fr'), fetch, children: createElement(App) }));
    expect(await violations()).toEqual([]);
  });

  it('the edit dialog and the receipt dialog have no violations', async () => {
    await renderAt('catalog');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit C1 — Coffee' }));
    await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull());
    expect(await violations()).toEqual([]);
    cleanup();
    await renderAt('receipts');
    fireEvent.click(await screen.findByRole('button', { name: 'Open T1-000001' }));
    expect(await violations()).toEqual([]);
  });
});
