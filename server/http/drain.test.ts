// The drain in-process: a request on a kept-alive connection during the drain is answered 503 +
// Connection: close; a fresh connection after it is refused. And a failed embedded engine is
// reported once and fails readiness (main.ts then exits 1 for its supervisor).
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startBackOffice } from '../backOffice';
import { guardDatabase } from '../store/guard';
import { openPglite } from '../store/pglite';
import type { Database } from '../store/sql';

function get(agent: http.Agent, url: string): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.on('data', (d) => (body += String(d)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body }));
      })
      .on('error', reject);
  });
}

describe('graceful drain', () => {
  it('answers 503 + Connection: close on a kept-alive connection, then refuses new connections', async () => {
    const db = await openPglite();
    const server = await startBackOffice({ db, demoArticles: 2 });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await get(agent, `${server.url}/api/v1/health`);
      expect(first).toMatchObject({ status: 200, connection: 'keep-alive' });
      const drained = server.shutdown(5000);
      const during = await get(agent, `${server.url}/api/v1/health`);
      expect(during.status).toBe(503);
      expect(during.connection).toBe('close');
      expect(JSON.parse(during.body)).toMatchObject({ error: { code: 'internal' } });
      const result = await drained;
      expect(result).toMatchObject({ timedOut: false, cut: 0, refused: 1 });
      await expect(get(new http.Agent(), `${server.url}/api/v1/health`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      expect(server.probeState.draining).toBe(true);
    } finally {
      agent.destroy();
      await db.close();
    }
  });
});

describe('a failed embedded engine', () => {
  it('is reported once through onFatal and fails readiness with database_failed', async () => {
    const real = await openPglite();
    let broken = false;
    // What PGlite throws when its WebAssembly engine aborts.
    const wasmAbort = (message: string) => new (globalThis as unknown as { WebAssembly: { RuntimeError: new (m: string) => Error } }).WebAssembly.RuntimeError(message);
    const db: Database = {
      engine: 'pglite',
      query: (text, params) => (broken ? Promise.reject(wasmAbort('Aborted(). Build with -sASSERTIONS for more info.')) : real.query(text, params)),
      transaction: (fn) => (broken ? Promise.reject(wasmAbort('Aborted()')) : real.transaction(fn)),
      close: () => real.close(),
    };
    const fatal: unknown[] = [];
    const server = await startBackOffice({ db, demoArticles: 2, onFatal: (e) => fatal.push(e) });
    try {
      expect((await fetch(`${server.url}/api/v1/ready`)).status).toBe(200);
      broken = true;
      expect((await fetch(`${server.url}/api/v1/pull/catalog`, { headers: { authorization: 'Bearer x' } })).status).toBe(500);
      await fetch(`${server.url}/api/v1/pull/catalog`, { headers: { authorization: 'Bearer x' } });
      expect(fatal).toHaveLength(1);
      const ready = await fetch(`${server.url}/api/v1/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ code: 'database_failed' });
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    } finally {
      await server.close();
      await real.close();
    }
  });

  it('a refused file extension (disk full) is not fatal', async () => {
    const fatal: unknown[] = [];
    const db = guardDatabase(
      { engine: 'pglite', query: () => Promise.reject(Object.assign(new Error('could not extend file "base/5/1": No space left on device'), { code: '53100' })), transaction: () => Promise.reject(new Error('x')), close: async () => undefined },
      { timeoutMs: 1000, onFatal: (e) => fatal.push(e) },
    );
    await expect(db.query('SELECT 1')).rejects.toMatchObject({ code: '53100' });
    expect(fatal).toHaveLength(0);
  });
});
