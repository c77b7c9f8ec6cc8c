// Response shapes of the admin JSON API (the contract shared with server/). Checked on arrival:
// a malformed answer becomes an `AdminApiError('bad_response')`, never half-rendered data.
import { z } from 'zod';
import { isoDateTime, receipt, shiftReport } from '@model';

export const loginResponse = z.object({ token: z.string().min(1), mustChangePassword: z.boolean().optional() });
/** The current session: whether the password is a setup secret that must be replaced first. */
export const meResponse = z.object({ sessionId: z.string(), mustChangePassword: z.boolean() });
export const adminSession = z.object({
  id: z.string(),
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime.nullable(),
  expiresAt: isoDateTime,
  clientIp: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const sessionsResponse = z.object({ items: z.array(adminSession) });
export const passwordResponse = z.object({ ok: z.literal(true), revokedSessions: z.number().int().min(0) });
/** The server's minimum password length (server/store/admin.ts MIN_PASSWORD_LENGTH). */
export const MIN_PASSWORD_LENGTH = 10;
export const syncCodeResponse = z.object({ code: z.string().min(1), expiresAt: isoDateTime });

export const till = z.object({
  id: z.string(),
  /** The till's receipt number prefix ("T3"). */
  code: z.string().optional(),
  deviceName: z.string(),
  appVersion: z.string().nullable(),
  lastSeenAt: isoDateTime.nullable(),
  pending: z.number().int().nullable(),
  revoked: z.boolean(),
  createdAt: isoDateTime,
});
export const tillsResponse = z.object({ items: z.array(till) });

export const backupSet = z.object({
  setId: z.string(),
  tillId: z.string(),
  tillCode: z.string(),
  deviceName: z.string(),
  files: z.number().int().min(0),
  bytes: z.number().int().min(0),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export const backupsResponse = z.object({ items: z.array(backupSet), quotaBytes: z.number().int().min(0) });
export const okResponse = z.object({ ok: z.literal(true) });

/** Record data is checked by the editing form against its entity schema, not here, so one odd
 * row never hides a whole list. */
export const recordItem = z.object({ id: z.string(), rev: z.number().int(), data: z.record(z.string(), z.unknown()) });
export const recordsResponse = z.object({ items: z.array(recordItem), total: z.number().int().min(0) });
export const recordRevResponse = z.object({ id: z.string(), rev: z.number().int() });

export const importResponse = z.object({
  imported: z.number().int().min(0),
  errors: z.array(z.object({ row: z.number().int(), code: z.string(), message: z.string() })),
});

export const receivedReceipt = receipt.extend({ receivedAt: isoDateTime });
export const receiptsResponse = z.object({
  items: z.array(receivedReceipt),
  total: z.number().int().min(0),
  totals: z.object({ count: z.number().int(), total: z.number().int(), vat: z.number().int() }),
});
export const shiftReportsResponse = z.object({
  items: z.array(shiftReport.extend({ receivedAt: isoDateTime.optional() })),
  total: z.number().int().min(0),
});

/** The summary's inner shapes are loose on purpose: the page shows whatever counts it gets. */
const numbers = z.union([z.number(), z.record(z.string(), z.unknown())]);
export const summaryResponse = z.object({
  organization: z.looseObject({ name: z.string() }),
  stores: z.array(z.looseObject({ name: z.string() })),
  counts: z.record(z.string(), z.unknown()),
  tills: numbers,
  receiptsToday: numbers,
});

export type Till = z.infer<typeof till>;
export type AdminSession = z.infer<typeof adminSession>;
export type Me = z.infer<typeof meResponse>;
export type BackupSet = z.infer<typeof backupSet>;
export type BackupsList = z.infer<typeof backupsResponse>;
export type RecordItem = z.infer<typeof recordItem>;
export type RecordsPage = z.infer<typeof recordsResponse>;
export type ImportResult = z.infer<typeof importResponse>;
export type ReceivedReceipt = z.infer<typeof receivedReceipt>;
export type ReceiptsPage = z.infer<typeof receiptsResponse>;
export type ShiftReportsPage = z.infer<typeof shiftReportsResponse>;
export type Summary = z.infer<typeof summaryResponse>;
export type SyncCode = z.infer<typeof syncCodeResponse>;
