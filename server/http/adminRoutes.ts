// The admin JSON API used by the admin page (server/admin-ui/apiSchemas.ts is its contract).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Clock } from '@model';
import { randomSyncCode, randomToken, sha256Hex } from '../crypto';
import { importArticles, importPrices } from '../admin/importCsv';
import { prepareRecord, recordKind } from '../admin/recordSchemas';
import { checkAdminPassword, insertAdminSession, isAdminSession } from '../store/admin';
import { listReceipts, listShiftReports, receiptTotalsSince } from '../store/documents';
import { getMeta } from '../store/meta';
import { countLiveByKind, getRecord, listRecords, lockChangeSeq, writeRecords } from '../store/records';
import type { Database } from '../store/sql';
import { insertSyncCode, listTills, revokeTill } from '../store/tills';
import type { RateLimiter } from '../sync/rateLimit';
import { HttpError, bearerToken, parseOr400, readJsonBody, readTextBody } from './errors';
import { clientIp } from './syncRoutes';
import { deleteBackupSet, listBackupSets } from './backupStore';

export interface AdminDeps {
  db: Database;
  clock: Clock;
  loginLimiter: RateLimiter;
  /** Lifetime of a sync code (default 10 minutes). */
  syncCodeTtlMs?: number;
  /** Space for the off-site backup sets of one till (shown next to each till's usage). */
  backupQuotaBytes: number;
}

const SESSION_MS = 12 * 3600_000;
const DEFAULT_CODE_TTL_MS = 10 * 60_000;
const loginBody = z.object({ password: z.string().min(1).max(200) });
/** `ttlSeconds` lets an operator (or the conformance suite) issue a shorter-lived code. */
const codeBody = z.object({ ttlSeconds: z.number().int().min(1).max(86_400).optional() }).optional();
const page = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

function kindOf(c: Context) {
  const kind = recordKind.safeParse(c.req.param('kind'));
  if (!kind.success) throw new HttpError(404, 'not_found', 'unknown record kind');
  return kind.data;
}

export function adminRoutes(deps: AdminDeps): Hono {
  const { db, clock } = deps;
  const app = new Hono();

  app.post('/login', async (c) => {
    const key = `login:${clientIp(c)}`;
    if (deps.loginLimiter.isBlocked(key)) throw new HttpError(429, 'rate_limited', 'too many failed logins; wait a minute');
    const { password } = parseOr400(loginBody, await readJsonBody(c));
    if (!(await checkAdminPassword(db, password))) {
      deps.loginLimiter.recordFailure(key);
      throw new HttpError(401, 'unauthorized', 'wrong password');
    }
    const token = randomToken();
    const now = clock.now();
    await insertAdminSession(db, sha256Hex(token), now, new Date(now.getTime() + SESSION_MS));
    return c.json({ token });
  });

  app.use('*', async (c, next) => {
    const token = bearerToken(c);
    if (!token || !(await isAdminSession(db, sha256Hex(token), clock.now()))) {
      throw new HttpError(401, 'unauthorized', 'log in again');
    }
    await next();
  });

  app.post('/sync-codes', async (c) => {
    const text = await readTextBody(c);
    let raw: unknown;
    try {
      raw = text.trim() ? JSON.parse(text) : undefined;
    } catch {
      throw new HttpError(400, 'bad_json', 'body is not valid JSON');
    }
    const body = parseOr400(codeBody, raw);
    const now = clock.now();
    const ttl = body?.ttlSeconds ? body.ttlSeconds * 1000 : (deps.syncCodeTtlMs ?? DEFAULT_CODE_TTL_MS);
    const expiresAt = new Date(now.getTime() + ttl);
    const code = randomSyncCode();
    await insertSyncCode(db, code, now, expiresAt);
    return c.json({ code, expiresAt: expiresAt.toISOString() });
  });

  app.get('/tills', async (c) => {
    const items = (await listTills(db)).map(({ code: _code, ...rest }) => rest);
    return c.json({ items });
  });

  app.post('/tills/:id/revoke', async (c) => {
    if (!(await revokeTill(db, c.req.param('id')))) throw new HttpError(404, 'not_found', 'no such till');
    return c.json({ ok: true as const });
  });

  // Off-site backup sets (encrypted; the server cannot open them): who owns each and its size,
  // and deleting a retired till's set to free its space.
  app.get('/backups', async (c) => {
    const items = await listBackupSets(db);
    return c.json({ items, quotaBytes: deps.backupQuotaBytes });
  });

  app.delete('/backups/:setId', async (c) => {
    if (!(await db.transaction((tx) => deleteBackupSet(tx, c.req.param('setId'))))) throw new HttpError(404, 'not_found', 'no such backup set');
    return c.json({ ok: true as const });
  });

  app.get('/records/:kind', async (c) => {
    const kind = kindOf(c);
    const q = c.req.query('q');
    const { limit, offset } = parseOr400(page, { limit: c.req.query('limit'), offset: c.req.query('offset') });
    const { items, total } = await listRecords(db, kind, { q: q?.slice(0, 100), limit, offset });
    return c.json({ items: items.map(({ id, rev, data }) => ({ id, rev, data })), total });
  });

  app.put('/records/:kind/:id', async (c) => {
    const kind = kindOf(c);
    const id = parseOr400(z.string().min(1).max(64), c.req.param('id'));
    const body = await readJsonBody(c);
    const existing = await getRecord(db, kind, id);
    const prepared = await prepareRecord(kind, id, body, existing?.deleted ? null : (existing?.data ?? null));
    if (!prepared.ok) throw new HttpError(400, prepared.code, prepared.message);
    const [rev] = await db.transaction((tx) => writeRecords(tx, [{ kind, id, data: prepared.data }], clock.now()));
    return c.json({ id, rev });
  });

  app.delete('/records/:kind/:id', async (c) => {
    const kind = kindOf(c);
    const id = c.req.param('id');
    const rev = await db.transaction(async (tx) => {
      await lockChangeSeq(tx);
      const existing = await getRecord(tx, kind, id);
      if (!existing || existing.deleted) return null;
      return (await writeRecords(tx, [{ kind, id, data: null }], clock.now()))[0] ?? null;
    });
    if (rev === null) throw new HttpError(404, 'not_found', 'no such record');
    return c.json({ id, rev });
  });

  app.post('/import/:kind', async (c) => {
    const kind = c.req.param('kind');
    if (kind !== 'article' && kind !== 'price') throw new HttpError(404, 'not_found', 'import supports article and price');
    const text = await readTextBody(c);
    const run = kind === 'article' ? importArticles : importPrices;
    return c.json(await run(db, text, clock.now()));
  });

  app.get('/receipts', async (c) => {
    const { limit, offset } = parseOr400(page, { limit: c.req.query('limit'), offset: c.req.query('offset') });
    return c.json(await listReceipts(db, { limit, offset, tillId: c.req.query('tillId') || undefined }));
  });

  app.get('/shift-reports', async (c) => {
    const { limit, offset } = parseOr400(page, { limit: c.req.query('limit'), offset: c.req.query('offset') });
    return c.json(await listShiftReports(db, { limit, offset }));
  });

  app.get('/summary', async (c) => {
    const now = clock.now();
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const tills = await listTills(db);
    return c.json({
      organization: (await getMeta(db, 'organization')) ?? { id: 'org', name: 'Back office' },
      stores: (await getMeta(db, 'stores')) ?? [],
      counts: await countLiveByKind(db),
      tills: { total: tills.length, active: tills.filter((t) => !t.revoked).length, revoked: tills.filter((t) => t.revoked).length },
      receiptsToday: await receiptTotalsSince(db, midnight),
    });
  });

  return app;
}
