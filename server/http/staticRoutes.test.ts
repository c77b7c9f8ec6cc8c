import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { decodePath, serveSpa } from './staticRoutes';

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
    app.get('/admin/*', (c) => serveSpa(c, path.join(dist, 'admin'), decodePath(c.req.path.slice(7)) ?? ''));
    app.get('*', (c) => serveSpa(c, dist, decodePath(c.req.path.slice(1)) ?? ''));
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
});
