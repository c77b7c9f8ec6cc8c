import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { decodePath, serveSpa, staticMiddleware } from './staticRoutes';

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
});
