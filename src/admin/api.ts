// The admin API client: one function per endpoint of the admin contract, fetch injected.
// Every failure is an AdminApiError with a fixed `code`; a 401 on an authenticated call clears the
// session through `onUnauthorized` so the page goes back to the login form.
import type { z } from 'zod';
import { API_PREFIX, ERROR_CODES, type ErrorCode } from '@model';
import type { RecordKind } from '@model';
import {
  backupsResponse,
  importResponse,
  loginResponse,
  meResponse,
  okResponse,
  passwordResponse,
  receiptsResponse,
  recordRevResponse,
  recordsResponse,
  sessionsResponse,
  shiftReportsResponse,
  summaryResponse,
  syncCodeResponse,
  tillsResponse,
  type AdminSession,
  type BackupsList,
  type Me,
  type ImportResult,
  type ReceiptsPage,
  type RecordsPage,
  type ShiftReportsPage,
  type Summary,
  type SyncCode,
  type Till,
} from './apiSchemas';

export type AdminErrorCode = ErrorCode | 'network' | 'bad_response' | 'http_error';

export class AdminApiError extends Error {
  constructor(
    readonly code: AdminErrorCode,
    readonly status: number,
    /** The server's own explanation (English, for the admin's eyes only; never matched on). */
    readonly detail: string | null = null,
  ) {
    super(`admin api: ${code} (${status})`);
    this.name = 'AdminApiError';
  }
}

export const RECORD_KINDS = [
  'article',
  'articleGroup',
  'priceList',
  'price',
  'discount',
  'currency',
  'client',
  'role',
  'operator',
  'parameters',
] as const satisfies readonly RecordKind[];

export type ImportKind = 'article' | 'price';
export interface PageQuery {
  limit: number;
  offset: number;
}

export interface AdminApiDeps {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  getToken: () => string | null;
  onUnauthorized: () => void;
  /** Origin prefix for the API; '' on the same origin. */
  baseUrl?: string;
}

export interface AdminApi {
  login(password: string): Promise<string>;
  /** The current session (and whether the password must be changed first). */
  me(): Promise<Me>;
  /** Revokes the current session on the server. */
  logout(): Promise<void>;
  /** Changes the password; the server revokes every other session (their count is returned). */
  changePassword(currentPassword: string, newPassword: string): Promise<number>;
  listSessions(): Promise<AdminSession[]>;
  revokeSession(id: string): Promise<void>;
  summary(): Promise<Summary>;
  issueSyncCode(): Promise<SyncCode>;
  listTills(): Promise<Till[]>;
  revokeTill(id: string): Promise<void>;
  listBackups(): Promise<BackupsList>;
  deleteBackup(setId: string): Promise<void>;
  listRecords(kind: RecordKind, query: PageQuery & { q?: string }): Promise<RecordsPage>;
  saveRecord(kind: RecordKind, id: string, data: Record<string, unknown>): Promise<{ id: string; rev: number }>;
  deleteRecord(kind: RecordKind, id: string): Promise<{ id: string; rev: number }>;
  importCsv(kind: ImportKind, csv: string): Promise<ImportResult>;
  listReceipts(query: PageQuery & { tillId?: string }): Promise<ReceiptsPage>;
  listShiftReports(query: PageQuery): Promise<ShiftReportsPage>;
}

const KNOWN_CODES = new Set<string>(ERROR_CODES);

async function errorOf(res: Response): Promise<AdminApiError> {
  let code: AdminErrorCode = res.status === 404 ? 'not_found' : res.status === 429 ? 'rate_limited' : 'http_error';
  let detail: string | null = null;
  try {
    const body: unknown = await res.json();
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof error?.code === 'string' && KNOWN_CODES.has(error.code)) code = error.code as ErrorCode;
    if (typeof error?.message === 'string') detail = error.message.slice(0, 500);
  } catch {
    // Not JSON (a proxy's HTML page): keep the status-based code.
  }
  return new AdminApiError(res.status === 401 ? 'unauthorized' : code, res.status, detail);
}

function queryString(params: Record<string, string | number | undefined>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}

export function createAdminApi(deps: AdminApiDeps): AdminApi {
  const base = `${deps.baseUrl ?? ''}${API_PREFIX}/admin`;

  async function call<S extends z.ZodType>(
    schema: S,
    path: string,
    init: { method?: string; body?: string; contentType?: string; auth?: boolean } = {},
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (init.body !== undefined) headers['content-type'] = init.contentType ?? 'application/json';
    const token = deps.getToken();
    if (init.auth !== false && token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await deps.fetch(base + path, { method: init.method ?? 'GET', headers, body: init.body });
    } catch {
      throw new AdminApiError('network', 0);
    }
    if (!res.ok) {
      const error = await errorOf(res);
      if (res.status === 401 && init.auth !== false) deps.onUnauthorized();
      throw error;
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new AdminApiError('bad_response', res.status);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AdminApiError('bad_response', res.status);
    return parsed.data;
  }

  const json = (method: string, value: unknown) => ({ method, body: JSON.stringify(value) });
  const rec = (kind: RecordKind, id: string) => `/records/${encodeURIComponent(kind)}/${encodeURIComponent(id)}`;

  return {
    login: async (password) => (await call(loginResponse, '/login', { ...json('POST', { password }), auth: false })).token,
    me: () => call(meResponse, '/me'),
    logout: async () => {
      await call(okResponse, '/logout', { method: 'POST' });
    },
    changePassword: async (currentPassword, newPassword) =>
      (await call(passwordResponse, '/password', json('POST', { currentPassword, newPassword }))).revokedSessions,
    listSessions: async () => (await call(sessionsResponse, '/sessions')).items,
    revokeSession: async (id) => {
      await call(okResponse, `/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    summary: () => call(summaryResponse, '/summary'),
    issueSyncCode: () => call(syncCodeResponse, '/sync-codes', { method: 'POST' }),
    listTills: async () => (await call(tillsResponse, '/tills')).items,
    revokeTill: async (id) => {
      await call(okResponse, `/tills/${encodeURIComponent(id)}/revoke`, { method: 'POST' });
    },
    listBackups: () => call(backupsResponse, '/backups'),
    deleteBackup: async (setId) => {
      await call(okResponse, `/backups/${encodeURIComponent(setId)}`, { method: 'DELETE' });
    },
    listRecords: (kind, { q, limit, offset }) =>
      call(recordsResponse, `/records/${encodeURIComponent(kind)}${queryString({ q, limit, offset })}`),
    saveRecord: (kind, id, data) => call(recordRevResponse, rec(kind, id), json('PUT', data)),
    deleteRecord: (kind, id) => call(recordRevResponse, rec(kind, id), { method: 'DELETE' }),
    importCsv: (kind, csv) =>
      call(importResponse, `/import/${kind}`, { method: 'POST', body: csv, contentType: 'text/csv' }),
    listReceipts: ({ limit, offset, tillId }) =>
      call(receiptsResponse, `/receipts${queryString({ limit, offset, tillId })}`),
    listShiftReports: ({ limit, offset }) => call(shiftReportsResponse, `/shift-reports${queryString({ limit, offset })}`),
  };
}
