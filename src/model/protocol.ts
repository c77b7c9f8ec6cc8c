// The sync protocol between tills and the back office (ARCHITECTURE §3, docs/sync-protocol.md).
// Every message has a zod schema here, imported by the server (to reject bad input with a stable
// code) and by the till (to treat a malformed answer as a sync error and write nothing).
import { z } from 'zod';
import { id, isoDateTime } from './entities';
import { category, pulledRecord, recordKind } from './kinds';

export const API_PREFIX = '/api/v1';
export const PROTOCOL_VERSION = 1;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PUSH_BATCH = 200;
/** Largest request body the server reads, in bytes. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/* ---- Pairing ---- */

export const pairRequest = z.object({
  code: z.string().regex(/^[A-Z0-9]{4,12}$/),
  installId: z.string().min(8).max(64),
  deviceName: z.string().min(1).max(120),
  appVersion: z.string().min(1).max(40),
});

export const categoryDefault = z.object({
  name: category,
  /** Default pull period in seconds; null = "Never". */
  periodSec: z.number().int().positive().nullable(),
});

export const pairResponse = z.object({
  tillId: id,
  /** Sent once; the server keeps only its hash. */
  token: z.string().min(32).max(200),
  /** Receipt number prefix for this till ("T3"). */
  tillCode: z.string().min(1).max(12),
  organization: z.object({ id, name: z.string().min(1).max(200) }),
  stores: z.array(z.object({ id, name: z.string().min(1).max(200) })),
  categories: z.array(categoryDefault),
  serverTime: isoDateTime,
});

/* ---- Pull ---- */

export const pullQuery = z.object({
  cp: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

/** A live item carries a full record validated against its kind's schema. */
export const pullLiveItem = z
  .object({ id, rev: z.number().int().positive(), deleted: z.literal(false) })
  .and(pulledRecord);
export const pullTombstone = z.object({
  id,
  kind: recordKind,
  rev: z.number().int().positive(),
  deleted: z.literal(true),
  data: z.null(),
});

export const pullResponse = z.object({
  category,
  items: z.array(z.union([pullTombstone, pullLiveItem])),
  /** Opaque to the client; send it back as `cp`. */
  checkpoint: z.string().min(1).max(200),
  hasMore: z.boolean(),
  /** True when `cp` was unknown or expired: this is a full snapshot from the start; the client
   * must replace the category's local data with what the following pages bring. */
  reset: z.boolean(),
  /** Live rows in the category at the time of the answer, for progress bars. */
  total: z.number().int().min(0),
});

/* ---- Push (the mutations themselves are derived in kinds.ts) ---- */

/** The envelope is checked strictly; each mutation is checked on its own so one bad row is
 * `rejected` inside a 200 and never blocks the queue. */
export const pushRequest = z.object({
  mutations: z.array(z.object({ id, kind: z.string().max(40) }).passthrough()).min(1).max(MAX_PUSH_BATCH),
  /** Rows still waiting in the till's outbox after this batch, shown in the admin page. */
  pending: z.number().int().min(0).optional(),
  appVersion: z.string().max(40).optional(),
});

export const mutationResult = z.discriminatedUnion('status', [
  z.object({ id, status: z.literal('applied'), rev: z.number().int().positive() }),
  z.object({ id, status: z.literal('duplicate'), rev: z.number().int().positive() }),
  z.object({ id, status: z.literal('conflict'), rev: z.number().int().positive(), server: z.unknown() }),
  z.object({ id, status: z.literal('rejected'), code: z.string().max(60), message: z.string().max(500) }),
]);

export const pushResponse = z.object({
  results: z.array(mutationResult),
  serverTime: isoDateTime,
});

/* ---- Errors ---- */

export const ERROR_CODES = [
  'bad_json',
  'bad_request',
  'body_too_large',
  'unknown_category',
  'invalid_code',
  'code_expired',
  'code_used',
  'rate_limited',
  'unauthorized',
  'till_revoked',
  'not_found',
  'forbidden',
  'quota_exceeded',
  'storage_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const errorResponse = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

export type PairRequest = z.infer<typeof pairRequest>;
export type PairResponse = z.infer<typeof pairResponse>;
export type PullResponse = z.infer<typeof pullResponse>;
export type PullLiveItem = z.infer<typeof pullLiveItem>;
export type PullTombstone = z.infer<typeof pullTombstone>;
export type PushRequest = z.infer<typeof pushRequest>;
export type MutationResult = z.infer<typeof mutationResult>;
export type PushResponse = z.infer<typeof pushResponse>;
export type ErrorResponse = z.infer<typeof errorResponse>;

