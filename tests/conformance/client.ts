// A tiny HTTP client for the conformance suite: raw calls that return status and body, plus
// helpers to log in, issue codes, pair tills and build valid receipts.
import { randomUUID } from 'node:crypto';
import type { Receipt } from '@model';
import type { Target } from './harness';

// Bodies are checked field by field in the tests (or with the protocol's schemas), so `any` here
// keeps assertions short without hiding anything from them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Answer<T = any> {
  status: number;
  body: T;
}

export async function call(t: Target, method: string, path: string, options: { token?: string; body?: unknown; raw?: BodyInit; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(t.baseUrl + path, { method, headers, body, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) } as RequestInit);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Non-JSON answers (static files) stay text.
  }
  return { status: res.status, body: parsed };
}

export async function adminToken(t: Target): Promise<string> {
  const r = await call(t, 'POST', '/api/v1/admin/login', { body: { password: t.adminPassword } });
  if (r.status !== 200) throw new Error(`admin login failed: ${r.status}`);
  return r.body.token as string;
}

export async function issueCode(t: Target, admin: string, ttlSeconds?: number): Promise<string> {
  const r = await call(t, 'POST', '/api/v1/admin/sync-codes', { token: admin, body: ttlSeconds ? { ttlSeconds } : {} });
  if (r.status !== 200) throw new Error(`code issue failed: ${r.status}`);
  return r.body.code as string;
}

/** Unique per run, so ids the suite invents do not collide on an external server run twice. */
export const RUN = randomUUID().slice(0, 8);

export const installId = () => `install-${randomUUID()}`;

export function pairBody(code: string, install = installId()) {
  return { code, installId: install, deviceName: 'Conformance till', appVersion: '0.0.0-test' };
}

export async function pairTill(t: Target, admin: string, install = installId()): Promise<{ tillId: string; token: string }> {
  const r = await call(t, 'POST', '/api/v1/pair', { body: pairBody(await issueCode(t, admin), install) });
  if (r.status !== 200) throw new Error(`pairing failed: ${r.status} ${JSON.stringify(r.body)}`);
  return { tillId: r.body.tillId, token: r.body.token };
}

export function makeReceipt(tillId: string, overrides: Partial<Receipt> = {}): Receipt {
  return {
    id: `rcpt-${randomUUID()}`,
    number: 'T1-000001',
    kind: 'sale',
    tillId,
    shiftId: 'shift-1',
    operatorId: 'op-alice',
    clientId: null,
    refundOf: null,
    createdAt: new Date().toISOString(),
    currency: 'EUR',
    taxMode: 'inclusive',
    lines: [{ articleId: 'art-000001', sku: 'SKU000001', name: 'Thing', qtyMilli: 2000, unitPrice: 250, vatRate: 2000, discount: 0, total: 500, vat: 83 }],
    basketDiscount: 0,
    subtotal: 500,
    vatTotal: 83,
    total: 500,
    tenders: [{ method: 'cash', amount: 500, currency: 'EUR', foreignAmount: null, rate: null, label: null }],
    change: 0,
    ...overrides,
  };
}

export function receiptMutation(receipt: Receipt, id = `mut-${randomUUID()}`) {
  return { id, kind: 'receipt', op: 'upsert', data: receipt };
}

export async function receiptCount(t: Target, admin: string): Promise<number> {
  return (await call(t, 'GET', '/api/v1/admin/receipts?limit=1', { token: admin })).body.total as number;
}

export async function tillCount(t: Target, admin: string): Promise<number> {
  return ((await call(t, 'GET', '/api/v1/admin/tills', { token: admin })).body.items as unknown[]).length;
}
