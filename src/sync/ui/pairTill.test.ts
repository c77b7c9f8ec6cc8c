import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACK_OFFICE_URL, withTestBackOffice } from '../testing/testBackOffice';
import { NOW } from '../testing/fixtures';
import { RegistryDatabase, type OrgDatabase } from '../../db/schema';
import { getLink } from '../engine';
import { deviceNameFrom, getInstallId, pairTill, refusedCode } from './pairTill';
import { syncStoreOf } from '../dexieStore';

const fake = withTestBackOffice();

let registry: RegistryDatabase;
const opened: OrgDatabase[] = [];
beforeEach(() => {
  registry = new RegistryDatabase(`registry-${Math.random().toString(36).slice(2)}`);
});
afterEach(async () => {
  await registry.delete();
  for (const db of opened.splice(0)) await db.delete();
});

function deps() {
  let n = 0;
  return {
    registry,
    clock: { now: () => NOW },
    fetch: (i: string, init?: RequestInit) => fetch(i, init),
    serverUrl: BACK_OFFICE_URL,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36',
    newId: () => `install-${++n}`,
  };
}

describe('pairing from the till', () => {
  it('creates the paired organization and stores the link in its database', async () => {
    const code = await fake.current.issueCode();
    const res = await pairTill(deps(), code);
    if (!res.ok) throw new Error(`pairing refused: ${res.code}`);
    opened.push(res.db);
    expect(res.org).toMatchObject({ id: res.response.organization.id, kind: 'paired' });
    expect(await registry.organizations.count()).toBe(1);
    expect((await getLink(syncStoreOf(res.db)))?.tillId).toBe(res.response.tillId);
  });
  it('answers a refused code with the server code and creates nothing', async () => {
    const res = await pairTill(deps(), 'NOPE1234');
    expect(res).toMatchObject({ ok: false, code: 'invalid_code' });
    expect(await registry.organizations.count()).toBe(0);
  });
  it('keeps one install id across pairings', async () => {
    const d = deps();
    expect(await getInstallId(registry, d.newId)).toBe('install-1');
    expect(await getInstallId(registry, d.newId)).toBe('install-1');
  });
  it('maps network failures and rate limits to their refusal codes', () => {
    expect(refusedCode({ ok: false, reason: 'offline' })).toBe('offline');
    expect(refusedCode({ ok: false, reason: 'rate-limited', status: 429 })).toBe('rate_limited');
    expect(refusedCode({ ok: false, reason: 'http-error', status: 410, code: 'code_expired' })).toBe('code_expired');
  });
  it('names the device by browser and system', () => {
    expect(deviceNameFrom(deps().userAgent)).toBe('Chrome on Linux');
  });
});
