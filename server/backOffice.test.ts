// Restart behaviour of the back office on a PGlite data folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackOffice } from './backOffice';
import { openPglite } from './store/pglite';

async function json(url: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('back office restart', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pos-restart-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function boot(adminPassword?: string) {
    const db = await openPglite(dir);
    const server = await startBackOffice({ db, adminPassword, demo: true });
    return { api: `${server.url}/api/v1`, stop: async () => (await server.close(), await db.close()) };
  }

  it('keeps the demo data, the admin password, till tokens and checkpoints', async () => {
    const first = await boot();
    const admin = (await json(`${first.api}/admin/login`, { method: 'POST', body: { password: 'admin' } })).body.token as string;
    const { code } = (await json(`${first.api}/admin/sync-codes`, { method: 'POST', token: admin })).body;
    const till = (await json(`${first.api}/pair`, { method: 'POST', body: { code, installId: 'install-restart', deviceName: 'T', appVersion: '1' } })).body;
    const page = (await json(`${first.api}/pull/currencies`, { token: till.token as string })).body;
    await first.stop();

    const second = await boot();
    const again = await json(`${second.api}/pull/currencies?cp=${page.checkpoint as string}`, { token: till.token as string });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ reset: false, items: [], total: 4 });
    const summary = (await json(`${second.api}/admin/summary`, { token: admin })).body;
    expect(summary.counts).toMatchObject({ article: 300 });
    await second.stop();
  });

  it('replaces the admin password when ADMIN_PASSWORD is given', async () => {
    const server = await boot('new-secret');
    expect((await json(`${server.api}/admin/login`, { method: 'POST', body: { password: 'admin' } })).status).toBe(401);
    expect((await json(`${server.api}/admin/login`, { method: 'POST', body: { password: 'new-secret' } })).status).toBe(200);
    await server.stop();
  });
});
