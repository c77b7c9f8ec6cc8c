// The till-facing API: pair, pull, push (ARCHITECTURE §3, docs/sync-protocol.md).
import { Hono, type Context } from 'hono';
import { category } from '@model';
import { pairRequest, pullQuery, pushRequest, type PushResponse } from '@model';
import type { Clock } from '@model';
import { sha256Hex } from '../crypto';
import type { Database } from '../store/sql';
import { findTillByTokenHash, touchTill, type TillRow } from '../store/tills';
import type { CheckpointKeys } from '../sync/checkpoint';
import { pairTill, type PairLimiters } from '../sync/pair';
import { pullPage, type TotalsCache } from '../sync/pull';
import { pushMutations, type RawMutation } from '../sync/push';
import { clientIpOf, type TrustProxy } from './clientIp';
import { HttpError, bearerToken, parseOr400, readJsonBody } from './errors';

export interface SyncDeps {
  db: Database;
  clock: Clock;
  keys: CheckpointKeys;
  limiters: PairLimiters;
  /** Whose X-Forwarded-For to believe (TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
}

/** The client's address: the socket's, or X-Forwarded-For's right-most untrusted one behind a
 * trusted proxy (clientIp.ts). `local` under app.request in unit tests: one shared bucket. */
export function clientIp(c: Context, trust: TrustProxy = { kind: 'none' }): string {
  return clientIpOf(c, trust);
}

/** The till's bearer token → its row; 401 unauthorized (unknown) or till_revoked. Shared by /backup. */
export async function authenticateTill(c: Context, deps: { db: Database }): Promise<TillRow> {
  const token = bearerToken(c);
  const till = token ? await findTillByTokenHash(deps.db, sha256Hex(token)) : null;
  if (!till) throw new HttpError(401, 'unauthorized', 'unknown till token; pair again');
  if (till.revoked) throw new HttpError(401, 'till_revoked', 'this till was revoked; pair again');
  c.set('tillId', till.id);
  return till;
}

const PAIR_STATUS = { invalid_code: 400, code_expired: 410, code_used: 409, rate_limited: 429 } as const;

export function syncRoutes(deps: SyncDeps): Hono {
  const app = new Hono();
  const totals: TotalsCache = new Map();

  app.post('/pair', async (c) => {
    const req = parseOr400(pairRequest, await readJsonBody(c));
    const outcome = await pairTill(deps.db, deps.limiters, clientIp(c, deps.trustProxy), req, deps.clock.now());
    if (!outcome.ok) throw new HttpError(PAIR_STATUS[outcome.code], outcome.code, `pairing refused: ${outcome.code}`);
    return c.json(outcome.response);
  });

  app.get('/pull/:category', async (c) => {
    // Authentication first: without a valid token every pull answers 401, whatever the category.
    const till = await authenticateTill(c, deps);
    const cat = category.safeParse(c.req.param('category'));
    if (!cat.success) throw new HttpError(404, 'unknown_category', 'no such category');
    const query = parseOr400(pullQuery, { cp: c.req.query('cp'), limit: c.req.query('limit') });
    const now = deps.clock.now();
    // Paging a large category must not write (and fsync) once per page: refresh last-seen at most
    // every 30 seconds while pulling.
    if (!till.lastSeenAt || now.getTime() - Date.parse(till.lastSeenAt) > 30_000) await touchTill(deps.db, till.id, now);
    return c.json(await pullPage(deps.db, deps.keys, totals, { category: cat.data, cp: query.cp, limit: query.limit }));
  });

  app.post('/push', async (c) => {
    const till = await authenticateTill(c, deps);
    const req = parseOr400(pushRequest, await readJsonBody(c));
    const now = deps.clock.now();
    const results = await pushMutations(deps.db, till.id, req.mutations as RawMutation[], now);
    await touchTill(deps.db, till.id, deps.clock.now(), { pending: req.pending, appVersion: req.appVersion });
    const body: PushResponse = { results, serverTime: deps.clock.now().toISOString() };
    return c.json(body);
  });

  return app;
}
