// The admin JSON API used by the admin page (server/admin-ui/apiSchemas.ts is its contract).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Clock } from '@model';
import { randomSyncCode, randomToken, sha256Hex } from '../crypto';
import { importArticles, importPrices } from '../admin/importCsv';
import { prepareRecord, recordKind } from '../admin/recordSchemas';
import {
  MIN_PASSWORD_LENGTH,
  adminMustChange,
  checkAdminPassword,
  findAdminSession,
  insertAdminSession,
  listAdminSessions,
  pruneAdminSessions,
  revokeAdminSession,
  revokeOtherAdminSessions,
  setAdminPassword,
  touchAdminSession,
} from '../store/admin';
import { listReceipts, listShiftReports, receiptTotalsSince } from '../store/documents';
import { getMeta } from '../store/meta';
import { countLiveByKind, getRecord, listRecords, lockChangeSeq, writeRecords } from '../store/records';
import type { Database } from '../store/sql';
import { insertSyncCode, listTills, revokeTill } from '../store/tills';
import type { RateLimiter } from '../sync/rateLimit';
import { clientIpOf, type TrustProxy } from './clientIp';
import { HttpError, bearerToken, parseOr400, readJsonBody, readTextBody } from './errors';
import { deleteBackupSet, listBackupSets } from './backupStore';

export interface AdminDeps {
  db: Database;
  clock: Clock;
  /** Shared attempt counters (rate_limits table) and the admin login limits per minute. */
  limiter: RateLimiter;
  loginPerIp: number;
  loginGlobal: number;
  trustProxy?: TrustProxy;
  /** Lifetime of a sync code (default 10 minutes). */
  syncCodeTtlMs?: number;
  /** Space for the off-site backup sets of one till (shown next to each till's usage). */
  backupQuotaBytes: number;
}

const SESSION_MS = 12 * 3600_000;
const DEFAULT_CODE_TTL_MS = 10 * 60_000;
const loginBody = z.object({ password: z.string().min(1).max(200) });
const passwordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(200),
});
/** What a session whose password must be changed first may still call. */
const ALLOWED_BEFORE_CHANGE = new Set(['/password', '/logout', '/me']);
const PRUNE_EVERY_MS = 10 * 60_000;
const TOUCH_EVERY_MS = 60_000;
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

type Env = { Variables: { sessionId: string } };

export function adminRoutes(deps: AdminDeps): Hono<Env> {
  const { db, clock } = deps;
  const app = new Hono<Env>();
  let lastPrune = 0;

  /** Reserves a password attempt (per client address and in total) before any hash is computed. */
  async function reservePasswordAttempt(c: Context) {
    const ip = clientIpOf(c, deps.trustProxy ?? { kind: 'none' });
    const reservation = await deps.limiter.reserve([
      { key: `login:ip:${ip}`, max: deps.loginPerIp },
      { key: 'login:all', max: deps.loginGlobal },
    ]);
    if (!reservation) throw new HttpError(429, 'rate_limited', 'too many failed logins; wait a minute');
    return { ip, reservation };
  }

  async function pruneNowAndThen(now: Date) {
    if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now.getTime();
    await pruneAdminSessions(db, now);
    await deps.limiter.prune();
  }

  app.post('/login', async (c) => {
    const { password } = parseOr400(loginBody, await readJsonBody(c));
    const { ip, reservation } = await reservePasswordAttempt(c);
    const check = await checkAdminPassword(db, password);
    if (!check.ok) throw new HttpError(401, 'unauthorized', 'wrong password');
    await deps.limiter.release(reservation);
    const now = clock.now();
    // An old PBKDF2 hash (or weaker scrypt parameters) is replaced while the password is at hand.
    if (check.outdated) await setAdminPassword(db, password, now, { mustChange: check.mustChange });
    const token = randomToken();
    await insertAdminSession(db, sha256Hex(token), now, new Date(now.getTime() + SESSION_MS), { ip, userAgent: c.req.header('user-agent') ?? null });
    await pruneNowAndThen(now);
    return c.json({ token, mustChangePassword: check.mustChange });
  });

  app.use('*', async (c, next) => {
    const token = bearerToken(c);
    const now = clock.now();
    const session = token ? await findAdminSession(db, sha256Hex(token), now) : null;
    if (!session) throw new HttpError(401, 'unauthorized', 'log in again');
    if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchAdminSession(db, session.id, now);
    if (!ALLOWED_BEFORE_CHANGE.has(c.req.path.slice(c.req.path.indexOf('/admin/') + '/admin'.length)) && (await adminMustChange(db))) {
      throw new HttpError(403, 'forbidden', 'choose a new password first');
    }
    c.set('sessionId', session.id);
    await next();
  });

  app.get('/me', async (c) => c.json({ sessionId: c.get('sessionId'), mustChangePassword: await adminMustChange(db) }));

  app.post('/logout', async (c) => {
    await revokeAdminSession(db, c.get('sessionId'));
    return c.json({ ok: true as const });
  });

  app.post('/password', async (c) => {
    const body = parseOr400(passwordBody, await readJsonBody(c));
    if (body.newPassword === body.currentPassword) throw new HttpError(400, 'bad_request', 'the new password must differ from the current one');
    const { reservation } = await reservePasswordAttempt(c);
    // 403, not 401: a wrong current password must not end the session.
    if (!(await checkAdminPassword(db, body.currentPassword)).ok) throw new HttpError(403, 'forbidden', 'the current password is wrong');
    await deps.limiter.release(reservation);
    const sessionId = c.get('sessionId');
    const revoked = await db.transaction(async (tx) => {
      await setAdminPassword(tx, body.newPassword, clock.now(), { mustChange: false });
      return revokeOtherAdminSessions(tx, sessionId);
    });
    return c.json({ ok: true as const, revokedSessions: revoked });
  });

  app.get('/sessions', async (c) => {
    const current = c.get('sessionId');
    const items = (await listAdminSessions(db, clock.now())).map((s) => ({ ...s, current: s.id === current }));
    return c.json({ items });
  });

  app.delete('/sessions/:id', async (c) => {
    if (!(await revokeAdminSession(db, c.req.param('id')))) throw new HttpError(404, 'not_found', 'no such session');
    return c.json({ ok: true as const });
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
