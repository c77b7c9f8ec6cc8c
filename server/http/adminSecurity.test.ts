// Admin and pairing security against the real back office (startBackOffice on a port), on PGlite
// and, with PG_TEST_URL, PostgreSQL: attempt limits reserved before the expensive check and shared
// through the database, TRUST_PROXY, the global ceiling, sessions (logout, list, revoke, expiry),
// password change, the first-start setup secret, PBKDF2 → scrypt rehash, and security headers.
// The clock is injected: windows and expiries move with clock.advance, never with sleeps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock, hashPin } from '@model';
import { prepareDatabase, startBackOffice, type RunningServer, type StartOptions } from '../backOffice';
import { adminPasswordScheme, passwordHashStats } from '../store/admin';
import { openPglite } from '../store/pglite';
import { dropSchema, openPostgres } from '../store/postgres';
import type { Database } from '../store/sql';
import { parseTrustProxy } from './clientIp';
import { CONTENT_SECURITY_POLICY } from './staticRoutes';

const engines = process.env.PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];
const PASSWORD = 'correct-horse-battery';

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers;
}

async function call(server: RunningServer, method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // static text
  }
  return { status: res.status, body, headers: res.headers };
}

const login = (s: RunningServer, password: string, headers?: Record<string, string>) => call(s, 'POST', '/api/v1/admin/login', { body: { password }, headers });
const statuses = (answers: Answer[]) => answers.reduce<Record<number, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {});

describe.each(engines)('admin security on %s', (engine) => {
  const clock = createManualClock(new Date('2026-03-01T08:00:00Z'));
  const schema = `sec_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let db: Database;
  const extraDbs: Database[] = [];
  const servers: RunningServer[] = [];
  let server: RunningServer;

  async function openDb(): Promise<Database> {
    if (engine === 'postgres') return openPostgres(process.env.PG_TEST_URL as string, { schema });
    return db; // PGlite: two apps over the same Database object
  }
  async function boot(options: Partial<StartOptions> = {}): Promise<RunningServer> {
    const s = await startBackOffice({ db, clock, seedDemo: false, adminPassword: PASSWORD, ...options });
    servers.push(s);
    return s;
  }

  beforeAll(async () => {
    db = engine === 'postgres' ? await openPostgres(process.env.PG_TEST_URL as string, { schema }) : await openPglite();
    server = await boot();
  });
  afterAll(async () => {
    for (const s of servers) await s.close();
    for (const d of extraDbs) await d.close();
    await db?.close();
    if (engine === 'postgres') await dropSchema(process.env.PG_TEST_URL as string, schema);
  });
  // Every test starts in a fresh rate-limit window.
  beforeEach(() => clock.advance(61_000));

  it('refuses all but 10 of 100 parallel wrong logins from one address before hashing them', async () => {
    const hashesBefore = passwordHashStats.computed;
    const answers = await Promise.all(Array.from({ length: 100 }, () => login(server, 'wrong-password')));
    const counts = statuses(answers);
    console.log(`[${engine}] 100 parallel wrong logins: ${JSON.stringify(counts)}, password hashes computed: ${passwordHashStats.computed - hashesBefore}`);
    expect(counts).toEqual({ 401: 10, 429: 90 });
    expect(passwordHashStats.computed - hashesBefore).toBe(10);
    expect(answers.find((a) => a.status === 429)?.body.error.code).toBe('rate_limited');
    // The right password is refused too while the address is blocked, and accepted after the window.
    expect((await login(server, PASSWORD)).status).toBe(429);
    clock.advance(61_000);
    expect((await login(server, PASSWORD)).status).toBe(200);
  });

  it('refuses all but 30 of 200 parallel pairing attempts from one address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(server, 'POST', '/api/v1/pair', { body: { code: 'ZZZZ2222', installId: `install-burst-${i}`, deviceName: 'T', appVersion: '1' } }),
      ),
    );
    const counts = statuses(answers);
    console.log(`[${engine}] 200 parallel pairings: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ 400: 30, 429: 170 });
  });

  it('limits pairing per install id (5) and a success gives its attempt back', async () => {
    const admin = (await login(server, PASSWORD)).body.token as string;
    const install = 'install-one';
    for (let i = 0; i < 2; i++) {
      const { code } = (await call(server, 'POST', '/api/v1/admin/sync-codes', { token: admin })).body;
      expect((await call(server, 'POST', '/api/v1/pair', { body: { code, installId: install, deviceName: 'T', appVersion: '1' } })).status).toBe(200);
    }
    const bad = [];
    for (let i = 0; i < 6; i++) bad.push((await call(server, 'POST', '/api/v1/pair', { body: { code: 'ZZZZ2222', installId: install, deviceName: 'T', appVersion: '1' } })).status);
    expect(bad).toEqual([400, 400, 400, 400, 400, 429]);
  });

  it('shares the counters between two back-office instances on one database', async () => {
    const other = await openDb();
    if (other !== db) extraDbs.push(other);
    const second = await startBackOffice({ db: other, clock, seedDemo: false, adminPassword: PASSWORD });
    servers.push(second);
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) seen.push((await login(server, 'wrong-password')).status);
    for (let i = 0; i < 6; i++) seen.push((await login(second, 'wrong-password')).status);
    expect(seen).toEqual([...Array(10).fill(401), 429, 429]);
    expect((await login(server, PASSWORD)).status).toBe(429);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) answers.push((await login(server, 'wrong-password', { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(answers).toEqual([...Array(10).fill(401), 429, 429]);
  });

  it('behind a trusted proxy gives each client its own bucket (right-most untrusted address)', async () => {
    const proxied = await boot({ trustProxy: parseTrustProxy('127.0.0.1, 10.0.0.0/8') });
    const a = { 'x-forwarded-for': '6.6.6.6, 203.0.113.1, 10.1.2.3' }; // spoofed left part, client, inner proxy
    const seen: number[] = [];
    for (let i = 0; i < 11; i++) seen.push((await login(proxied, 'wrong-password', a)).status);
    expect(seen).toEqual([...Array(10).fill(401), 429]);
    // Another client behind the same proxy is not locked out; a changed spoofed part does not help.
    expect((await login(proxied, 'wrong-password', { 'x-forwarded-for': '7.7.7.7, 203.0.113.1' })).status).toBe(429);
    expect((await login(proxied, PASSWORD, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200);
    const hop = await boot({ trustProxy: parseTrustProxy('1') });
    expect((await login(hop, 'wrong-password', { 'x-forwarded-for': '6.6.6.6, 203.0.113.1' })).status).toBe(429);
    expect((await login(hop, 'wrong-password', { 'x-forwarded-for': '203.0.113.3' })).status).toBe(401);
  });

  it('refuses a distributed burst beyond the global ceiling', async () => {
    const proxied = await boot({ trustProxy: parseTrustProxy('loopback'), rateLimits: { loginGlobal: 20 } });
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(proxied, 'wrong-password', { 'x-forwarded-for': `192.0.2.${i + 1}` })));
    const counts = statuses(answers);
    console.log(`[${engine}] 40 parallel wrong logins from 40 addresses, ceiling 20: ${JSON.stringify(counts)}`);
    expect(counts).toEqual({ 401: 20, 429: 20 });
  });

  it('logout revokes the session on the server', async () => {
    const token = (await login(server, PASSWORD)).body.token as string;
    expect((await call(server, 'GET', '/api/v1/admin/summary', { token })).status).toBe(200);
    expect((await call(server, 'POST', '/api/v1/admin/logout', { token })).body).toEqual({ ok: true });
    expect((await call(server, 'GET', '/api/v1/admin/summary', { token })).status).toBe(401);
  });

  it('lists sessions (address, agent, current marker) and revokes one', async () => {
    const mine = (await login(server, PASSWORD, { 'user-agent': 'Mine/1.0' })).body.token as string;
    const theirs = (await login(server, PASSWORD, { 'user-agent': 'Theirs/2.0' })).body.token as string;
    const list = (await call(server, 'GET', '/api/v1/admin/sessions', { token: mine })).body.items as Array<Record<string, unknown>>;
    const me = list.find((s) => s.current === true);
    const them = list.find((s) => s.userAgent === 'Theirs/2.0');
    expect(me).toMatchObject({ userAgent: 'Mine/1.0', clientIp: '127.0.0.1', createdAt: clock.now().toISOString() });
    expect(them).toMatchObject({ current: false, clientIp: '127.0.0.1' });
    expect(list.every((s) => !('tokenHash' in s) && !('token_hash' in s))).toBe(true);
    expect((await call(server, 'DELETE', `/api/v1/admin/sessions/${String(them!.id)}`, { token: mine })).status).toBe(200);
    expect((await call(server, 'GET', '/api/v1/admin/summary', { token: theirs })).status).toBe(401);
    expect((await call(server, 'GET', '/api/v1/admin/summary', { token: mine })).status).toBe(200);
    expect((await call(server, 'DELETE', `/api/v1/admin/sessions/${String(them!.id)}`, { token: mine })).status).toBe(404);
  });

  it('changes the password: checks the current one and the length, revokes the other sessions', async () => {
    const mine = (await login(server, PASSWORD)).body.token as string;
    const other = (await login(server, PASSWORD)).body.token as string;
    const wrong = await call(server, 'POST', '/api/v1/admin/password', { token: mine, body: { currentPassword: 'nope-nope-nope', newPassword: 'a-new-password' } });
    expect(wrong.status).toBe(403);
    const short = await call(server, 'POST', '/api/v1/admin/password', { token: mine, body: { currentPassword: PASSWORD, newPassword: 'short' } });
    expect(short.status).toBe(400);
    const ok = await call(server, 'POST', '/api/v1/admin/password', { token: mine, body: { currentPassword: PASSWORD, newPassword: 'a-new-password' } });
    expect(ok.body).toEqual({ ok: true, revokedSessions: expect.any(Number) });
    expect((await call(server, 'GET', '/api/v1/admin/summary', { token: other })).status).toBe(401);
    expect((await call(server, 'GET', '/api/v1/admin/summary', { token: mine })).status).toBe(200);
    expect((await login(server, PASSWORD)).status).toBe(401);
    const fresh = (await login(server, 'a-new-password')).body.token as string;
    expect((await call(server, 'POST', '/api/v1/admin/password', { token: fresh, body: { currentPassword: 'a-new-password', newPassword: PASSWORD } })).status).toBe(200);
  });

  it('first start outside demo mode: a setup secret printed once, which must be replaced first', async () => {
    await db.query(`DELETE FROM admin`);
    await db.query(`DELETE FROM admin_sessions`);
    const lines: string[] = [];
    await prepareDatabase(db, { clock, seedDemo: false, log: (l) => lines.push(l) });
    const secret = /setup password is (\S+)/.exec(lines.join('\n'))?.[1];
    expect(secret).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    const again: string[] = [];
    await prepareDatabase(db, { clock, seedDemo: false, log: (l) => again.push(l) });
    expect(again.join('\n')).not.toContain(secret!);
    expect(again.join('\n')).not.toMatch(/setup password/);

    const first = await login(server, secret!);
    expect(first.body).toMatchObject({ mustChangePassword: true });
    const token = first.body.token as string;
    const refused = await call(server, 'GET', '/api/v1/admin/summary', { token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await call(server, 'POST', '/api/v1/admin/sync-codes', { token })).status).toBe(403);
    expect((await call(server, 'GET', '/api/v1/admin/me', { token })).body).toMatchObject({ mustChangePassword: true });
    const changed = await call(server, 'POST', '/api/v1/admin/password', { token, body: { currentPassword: secret, newPassword: PASSWORD } });
    expect(changed.status).toBe(200);
    expect((await call(server, 'GET', '/api/v1/admin/summary', { token })).status).toBe(200);
    expect((await login(server, PASSWORD)).body).toMatchObject({ mustChangePassword: false });
  });

  it('demo mode keeps the password "admin"; outside it "admin" and a short ADMIN_PASSWORD are refused', async () => {
    await db.query(`DELETE FROM admin`);
    await prepareDatabase(db, { clock, seedDemo: false, demo: true });
    expect((await login(server, 'admin')).status).toBe(200);
    // The same database started outside demo mode: 'admin' stops working, a setup secret replaces it.
    const lines: string[] = [];
    await prepareDatabase(db, { clock, seedDemo: false, log: (l) => lines.push(l) });
    expect(lines.join('\n')).toMatch(/setup password is [A-Z2-9-]{23} /);
    expect((await login(server, 'admin')).status).toBe(401);
    await expect(prepareDatabase(db, { clock, seedDemo: false, adminPassword: 'short' })).rejects.toThrow(/at least 10/);
    await prepareDatabase(db, { clock, seedDemo: false, adminPassword: PASSWORD });
    expect((await login(server, 'admin')).status).toBe(401);
  });

  it('verifies an old PBKDF2 hash and rehashes it to scrypt at login', async () => {
    const salt = 'a1'.repeat(16);
    const hash = await hashPin('legacy-password', salt, 100_000);
    await db.query(
      `UPDATE admin SET password_hash = $1, password_salt = $2, password_iterations = 100000, password_scheme = 'pbkdf2-sha256', password_params = NULL WHERE id = 1`,
      [hash, salt],
    );
    expect((await adminPasswordScheme(db))?.scheme).toBe('pbkdf2-sha256');
    expect((await login(server, 'wrong-password')).status).toBe(401);
    expect((await adminPasswordScheme(db))?.scheme).toBe('pbkdf2-sha256');
    expect((await login(server, 'legacy-password')).status).toBe(200);
    expect(await adminPasswordScheme(db)).toEqual({ scheme: 'scrypt', params: { N: 32768, r: 8, p: 1, keylen: 32 } });
    expect((await login(server, 'legacy-password')).status).toBe(200);
    await prepareDatabase(db, { clock, seedDemo: false, adminPassword: PASSWORD });
  });

  it('sends security headers on API answers and the CSP on pages', async () => {
    const token = (await login(server, PASSWORD)).body.token as string;
    for (const a of [await call(server, 'GET', '/api/v1/admin/summary', { token }), await login(server, 'wrong-password'), await call(server, 'GET', '/api/v1/nowhere')]) {
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
      expect(a.headers.get('x-frame-options')).toBe('DENY');
      expect(a.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(a.headers.get('cache-control')).toBe('no-store');
    }
    for (const path of ['/', '/admin/']) {
      const page = await call(server, 'GET', path);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(page.headers.get('x-frame-options')).toBe('DENY');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    );
  });

  it('enforces session expiry and prunes expired sessions and rate-limit rows', async () => {
    const token = (await login(server, PASSWORD)).body.token as string;
    clock.advance(12 * 3600_000 + 1_000);
    expect((await call(server, 'GET', '/api/v1/admin/summary', { token })).status).toBe(401);
    // The next login (more than 10 minutes after the last prune) prunes.
    expect((await login(server, PASSWORD)).status).toBe(200);
    const rows = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM admin_sessions WHERE expires_at <= $1`, [clock.now()]);
    expect(Number(rows[0]?.n)).toBe(0);
    const stale = await db.query<{ n: unknown }>(`SELECT count(*) AS n FROM rate_limits WHERE window_start <= $1`, [new Date(clock.now().getTime() - 60_000)]);
    expect(Number(stale[0]?.n)).toBe(0);
  });
});
