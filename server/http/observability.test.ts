// Probes, request ids, the access log, and how storage failures are answered: a full disk is
// 507 storage_full (PostgreSQL SQLSTATE 53100 and node ENOSPC mapped from fake errors here; the
// real PGlite disk-full path is tests/integration/server-lifecycle.test.ts), a database that does
// not answer is bounded (503), and the probes never hang.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { systemClock } from '@model';
import { createLogger } from '../log';
import { guardDatabase, isStorageFull } from '../store/guard';
import { openPglite } from '../store/pglite';
import { migrate } from '../store/migrations';
import type { Database } from '../store/sql';
import { createApp } from './app';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { lines, logger: createLogger({ level: 'debug', destination }) };
}

function failingDb(err: unknown): Database {
  return { engine: 'postgres', query: () => Promise.reject(err), transaction: () => Promise.reject(err), close: async () => undefined };
}

const hangingDb: Database = { engine: 'pglite', query: () => new Promise(() => undefined), transaction: () => new Promise(() => undefined), close: async () => undefined };

function appOn(db: Database, logger = capture().logger) {
  return createApp({ db, clock: systemClock, keys: { epoch: 'e', secret: 's' }, distDir: '/nonexistent', logger, readyTimeoutMs: 200 });
}

describe('health and readiness', () => {
  it('health answers 200 {status:ok} even with the database gone; no-store', async () => {
    const res = await appOn(failingDb(new Error('connection refused'))).request('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('ready answers 200 on a migrated database', async () => {
    const db = await openPglite();
    await migrate(db);
    const res = await appOn(db).request('/api/v1/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
    await db.close();
  });

  it('ready answers 503 migrations_pending before migrations, database_unreachable when down', async () => {
    const db = await openPglite();
    await migrate(db, []);
    const pending = await appOn(db).request('/api/v1/ready');
    expect(pending.status).toBe(503);
    expect(await pending.json()).toMatchObject({ code: 'migrations_pending' });
    await db.close();
    const down = await appOn(failingDb(new Error('ECONNREFUSED'))).request('/api/v1/ready');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ code: 'database_unreachable' });
    expect(down.headers.get('cache-control')).toBe('no-store');
  });

  it('ready is bounded: a database that never answers gives 503 within the timeout', async () => {
    const started = Date.now();
    const res = await appOn(hangingDb).request('/api/v1/ready');
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('request ids and the access log', () => {
  it('echoes a sane X-Request-Id, replaces an unsafe one, logs one JSON line per request', async () => {
    const { lines, logger } = capture();
    const db = await openPglite();
    await migrate(db);
    const app = appOn(db, logger);
    const kept = await app.request('/api/v1/pull/catalog?cp=secret-checkpoint', { headers: { 'x-request-id': 'till-7:abc' } });
    expect(kept.status).toBe(401);
    expect(kept.headers.get('x-request-id')).toBe('till-7:abc');
    const replaced = await app.request('/api/v1/nowhere', { headers: { 'x-request-id': 'bad id with {spaces} and "quotes"' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await app.request('/api/v1/health');
    const access = lines.filter((l) => l.msg === 'request');
    expect(access[0]).toMatchObject({ level: 'info', reqId: 'till-7:abc', method: 'GET', path: '/api/v1/pull/catalog', status: 401 });
    expect(typeof access[0]!.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-checkpoint');
    // Probes are logged at debug only.
    expect(access.find((l) => l.path === '/api/v1/health')).toMatchObject({ level: 'debug' });
    await db.close();
  });
});

describe('storage failures', () => {
  const cases: [string, unknown][] = [
    ['PostgreSQL SQLSTATE 53100 disk_full', Object.assign(new Error('could not extend file "base/16384/16385": No space left on device'), { code: '53100' })],
    ['node ENOSPC', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })],
    ['PGlite "could not extend file"', new Error('could not extend file "base/5/16390": No space left on device')],
  ];

  it.each(cases)('%s answers 507 storage_full, logged with the request id', async (_name, err) => {
    expect(isStorageFull(err)).toBe(true);
    const { lines, logger } = capture();
    const res = await appOn(failingDb(err), logger).request('/api/v1/push', {
      method: 'POST',
      headers: { authorization: 'Bearer some-token', 'x-request-id': 'req-507' },
      body: '{}',
    });
    expect(res.status).toBe(507);
    expect(await res.json()).toMatchObject({ error: { code: 'storage_full' } });
    expect(lines.find((l) => l.msg === 'storage full')).toMatchObject({ reqId: 'req-507' });
  });

  it('a database call that never returns is cut at the bound: 503, not a hang', async () => {
    const db = guardDatabase(hangingDb, { timeoutMs: 100 });
    const res = await appOn(db).request('/api/v1/pull/catalog', { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(503);
  });

  it('other errors stay 500 internal, logged with the request id and the stack', async () => {
    const { lines, logger } = capture();
    const res = await appOn(failingDb(new TypeError('boom')), logger).request('/api/v1/pull/catalog', { headers: { authorization: 'Bearer t', 'x-request-id': 'req-500' } });
    expect(res.status).toBe(500);
    expect(lines.find((l) => l.msg === 'internal error')).toMatchObject({ reqId: 'req-500', level: 'error' });
  });
});
