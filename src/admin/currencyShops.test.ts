// @vitest-environment jsdom
// Money in the admin page follows the shop's base currency's decimals (JPY none, KWD three) in
// the lists, the forms and the receipt detail, and a foreign-cash tender shows its amount in its
// own currency's decimals.
import { afterEach, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { App } from './App';
import { createAdminI18n } from './i18n';
import { AdminProviders } from './Providers';
import { createSession } from './session';

const now = '2026-11-23T09:00:00.000Z';
const CURRENCIES = [
  { code: 'EUR', name: 'Euro', decimals: 2, rate: '1', acceptedAsCash: true },
  { code: 'JPY', name: 'Yen', decimals: 0, rate: '0.0061', acceptedAsCash: true },
  { code: 'KWD', name: 'Kuwaiti dinar', decimals: 3, rate: '2.98', acceptedAsCash: true },
  { code: 'USD', name: 'US dollar', decimals: 2, rate: '0.92', acceptedAsCash: true },
];

interface Shop {
  base: string;
  price: number;
  receipt?: Record<string, unknown>;
}

function receiptOf(base: string, total: number, tenders: Record<string, unknown>[]) {
  return {
    id: 'r1', number: 'T1-000001', kind: 'sale', tillId: 't1', shiftId: 's1', operatorId: 'o1', clientId: null, refundOf: null,
    createdAt: now, receivedAt: now, currency: base, taxMode: 'inclusive', basketDiscount: 0, subtotal: total, vatTotal: 0, total, change: 0,
    lines: [{ articleId: 'a1', sku: 'C1', name: 'Coffee', qtyMilli: 1000, unitPrice: total, vatRate: 0, discount: 0, total, vat: 0 }],
    tenders,
  };
}

function renderShop(shop: Shop, route: string) {
  const puts: { path: string; body: unknown }[] = [];
  const article = { id: 'a1', sku: 'C1', name: 'Coffee', groupId: null, barcodes: [], unit: 'pcs', vatRate: 0, price: shop.price, active: true };
  const parameters = { shopName: 'Shop', receiptHeader: '', receiptFooter: '', taxMode: 'inclusive', baseCurrency: shop.base, cashRounding: 1 };
  const page = (items: { id: string; data: unknown }[]) => ({ items: items.map((i) => ({ ...i, rev: 1 })), total: items.length });
  const respond = (method: string, path: string, body: string | null): unknown => {
    if (method === 'PUT') {
      puts.push({ path, body: JSON.parse(body ?? '{}') });
      return { id: 'x', rev: 2 };
    }
    if (path.includes('/records/article?')) return page([{ id: 'a1', data: article }]);
    if (path.includes('/records/parameters?')) return page([{ id: 'shop', data: parameters }]);
    if (path.includes('/records/currency?')) return page(CURRENCIES.map((c) => ({ id: c.code, data: c })));
    if (path.includes('/records/')) return page([]);
    if (path.endsWith('/tills')) return { items: [] };
    if (path.includes('/receipts')) return shop.receipt ? { items: [shop.receipt], total: 1, totals: { count: 1, total: 0, vat: 0 } } : { items: [], total: 0, totals: { count: 0, total: 0, vat: 0 } };
    return {};
  };
  const session = createSession(sessionStorage);
  session.setToken('t');
  window.location.hash = `#/${route}`;
  const fetch = async (input: string, init?: RequestInit) =>
    new Response(JSON.stringify(respond(init?.method ?? 'GET', input, typeof init?.body === 'string' ? init.body : null)), { headers: { 'content-type': 'application/json' } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(createElement(AdminProviders, { session, i18n: createAdminI18n('en'), fetch, queryClient, children: createElement(App) }));
  return { puts };
}

async function editPrice(typed: string): Promise<string> {
  fireEvent.click(await screen.findByRole('button', { name: 'Edit C1 — Coffee' }));
  const dialog = await screen.findByRole('dialog');
  const input = (await within(dialog).findByLabelText('Price')) as HTMLInputElement;
  const shown = input.value;
  fireEvent.change(input, { target: { value: typed } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  return shown;
}

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

describe('a JPY shop (no decimals)', () => {
  it('lists, edits and saves prices in whole yen', async () => {
    const { puts } = renderShop({ base: 'JPY', price: 1234 }, 'catalog');
    const articles = screen.getByRole('region', { name: 'Articles' });
    expect(await within(articles).findByText('1,234')).toBeTruthy();
    expect(await editPrice('2 500')).toBe('1234');
    expect(puts[0]?.body).toMatchObject({ price: 2500 });
  });

  it('refuses decimals in a yen price', async () => {
    const { puts } = renderShop({ base: 'JPY', price: 1234 }, 'catalog');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit C1 — Coffee' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(await within(dialog).findByLabelText('Price'), { target: { value: '12.50' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Too many decimals.')).toBeTruthy();
    expect(puts).toHaveLength(0);
  });

  it('shows a receipt in whole yen', async () => {
    renderShop({ base: 'JPY', price: 0, receipt: receiptOf('JPY', 1500, [{ method: 'cash', amount: 1500, currency: 'JPY', foreignAmount: null, rate: null, label: null }]) }, 'receipts');
    fireEvent.click(await screen.findByRole('button', { name: 'Open T1-000001' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getAllByText('1,500').length).toBeGreaterThan(0));
    expect(within(dialog).queryByText('15.00')).toBeNull();
  });
});

describe('a KWD shop (three decimals)', () => {
  it('lists, edits and saves prices in fils', async () => {
    const { puts } = renderShop({ base: 'KWD', price: 1250 }, 'catalog');
    const articles = screen.getByRole('region', { name: 'Articles' });
    expect(await within(articles).findByText('1.250')).toBeTruthy();
    expect(await editPrice('2,5')).toBe('1.250');
    expect(puts[0]?.body).toMatchObject({ price: 2500 });
  });

  it('shows a receipt with three decimals', async () => {
    renderShop({ base: 'KWD', price: 0, receipt: receiptOf('KWD', 12345, [{ method: 'card', amount: 12345, currency: 'KWD', foreignAmount: null, rate: null, label: null }]) }, 'receipts');
    fireEvent.click(await screen.findByRole('button', { name: 'Open T1-000001' }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() => expect(within(dialog).getAllByText('12.345').length).toBeGreaterThan(0));
  });
});

describe('a EUR receipt paid in foreign cash', () => {
  it.each([
    ['USD', 1200, /\$12\.00/],
    ['JPY', 2000, /¥2,000/],
  ])('shows the %s amount in that currency', async (currency, foreignAmount, shown) => {
    const tenders = [{ method: 'foreignCash', amount: 1100, currency, foreignAmount, rate: '0.92', label: null }];
    renderShop({ base: 'EUR', price: 0, receipt: receiptOf('EUR', 1100, tenders) }, 'receipts');
    fireEvent.click(await screen.findByRole('button', { name: 'Open T1-000001' }));
    const dialog = await screen.findByRole('dialog');
    const item = await within(dialog).findByText(/Foreign cash/);
    await waitFor(() => expect(item.textContent).toMatch(shown));
    expect(item.textContent).toMatch(/11\.00/);
  });
});
