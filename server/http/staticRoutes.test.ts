import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { apiHeaders, decodePath, serveSpa, staticMiddleware } from './staticRoutes';

describe('serving the built till and admin page', () => {
  let dist: string;
  const app = new Hono();
  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'pos-dist-'));
    await mkdir(path.join(dist, 'assets'));
    await mkdir(path.join(dist, 'admin'));
    await writeFile(path.join(dist, 'index.html'), '<p>till</p>');
    await writeFile(path.join(dist, 'sw.js'), 'self.x=1');
    await writeFile(path.join(dist, 'assets', 'app-abc.js'), 'x');
    await writeFile(path.join(dist, 'admin', 'index.html'), '<p>admin</p>');
    await writeFile(`${dist}-secret.txt`, 'secret');
    await writeFile(path.join(dist, 'assets', 'big-abc.js'), 'export const x = 1;\n'.repeat(500));
    app.get('/admin/*', (c) => serveSpa(c, path.join(dist, 'admin'), decodePath(c.req.path.slice(7)) ?? ''));
    app.get('*', staticMiddleware.compress, staticMiddleware.headers, (c) => serveSpa(c, dist, decodePath(c.req.path.slice(1)) ?? ''));
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
    await rm(`${dist}-secret.txt`, { force: true });
  });

  it('serves sw.js with Cache-Control no-cache and hashed assets as immutable', async () => {
    const sw = await app.request('/sw.js');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toContain('javascript');
    expect((await app.request('/assets/app-abc.js')).headers.get('cache-control')).toContain('immutable');
  });

  it('falls back to the right index.html for client-side routes', async () => {
    expect(await (await app.request('/sale/42')).text()).toBe('<p>till</p>');
    expect(await (await app.request('/admin/tills')).text()).toBe('<p>admin</p>');
  });

  it('answers 404 for a missing file with an extension and never leaves the folder', async () => {
    expect((await app.request('/missing.js')).status).toBe(404);
    const escape = await app.request(`/..%2F${path.basename(dist)}-secret.txt`);
    expect(await escape.text()).not.toBe('secret');
  });

  it('gzips text files for clients that accept it, and only those', async () => {
    const gz = await app.request('/assets/big-abc.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toContain('Accept-Encoding');
    const bytes = new Uint8Array(await gz.arrayBuffer());
    expect(bytes.length).toBeLessThan(1000);
    expect(gunzipSync(bytes).toString()).toBe('export const x = 1;\n'.repeat(500));
    const plain = await app.request('/assets/big-abc.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await plain.text()).length).toBe(20 * 500);
  });

  it('sends the security headers with every file: COOP, no framing, nosniff, HSTS', async () => {
    const res = await app.request('/sale/42');
    expect(Object.fromEntries(['cross-origin-opener-policy', 'x-frame-options', 'x-content-type-options', 'strict-transport-security'].map((h) => [h, res.headers.get(h)]))).toEqual({
      'cross-origin-opener-policy': 'same-origin',
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
  });
  it('sends the Content-Security-Policy with the pages, and the API headers (no-store) with API answers', async () => {
    const page = await app.request('/sale/42');
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    );
    const api = new Hono();
    api.use('*', apiHeaders);
    api.get('/plain', (c) => c.json({ ok: true }));
    api.get('/cached', (c) => c.json({ ok: true }, 200, { 'cache-control': 'private, max-age=5' }));
    api.get('/boom', () => {
      throw new Error('boom');
    });
    api.onError((_e, c) => c.json({ error: { code: 'internal', message: 'x' } }, 500));
    for (const p of ['/plain', '/boom']) {
      const res = await api.request(p);
      expect(Object.fromEntries(['x-content-type-options', 'x-frame-options', 'cross-origin-opener-policy', 'cache-control'].map((h) => [h, res.headers.get(h)]))).toEqual({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cross-origin-opener-policy': 'same-origin',
        'cache-control': 'no-store',
      });
    }
    expect((await api.request('/cached')).headers.get('cache-control')).toBe('private, max-age=5');
  });
});
