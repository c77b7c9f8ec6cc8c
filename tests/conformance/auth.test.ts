// Conformance: till and admin authentication (401 unauthorized / till_revoked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminToken, call, makeReceipt, pairTill, receiptMutation } from './client';
import { startTarget, targetNames, type Target } from './harness';

describe.each(targetNames())('authentication on %s', (name) => {
  let t: Target;
  let admin: string;
  beforeAll(async () => {
    t = await startTarget(name);
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  it('answers 401 unauthorized without a token or with an unknown one', async () => {
    for (const token of [undefined, 'x'.repeat(43)]) {
      const pull = await call(t, 'GET', '/api/v1/pull/articles', { token });
      expect(pull.status).toBe(401);
      expect(pull.body.error.code).toBe('unauthorized');
      const push = await call(t, 'POST', '/api/v1/push', { token, body: { mutations: [receiptMutation(makeReceipt('t'))] } });
      expect(push.status).toBe(401);
      expect(push.body.error.code).toBe('unauthorized');
    }
  });

  it('answers 401 till_revoked to a revoked till, which pairing again fixes', async () => {
    const till = await pairTill(t, admin);
    expect((await call(t, 'GET', '/api/v1/pull/parameters', { token: till.token })).status).toBe(200);
    expect((await call(t, 'POST', `/api/v1/admin/tills/${till.tillId}/revoke`, { token: admin })).body).toEqual({ ok: true });
    const pull = await call(t, 'GET', '/api/v1/pull/parameters', { token: till.token });
    expect(pull.status).toBe(401);
    expect(pull.body.error.code).toBe('till_revoked');
    const push = await call(t, 'POST', '/api/v1/push', { token: till.token, body: { mutations: [receiptMutation(makeReceipt(till.tillId))] } });
    expect(push.body.error.code).toBe('till_revoked');
    const again = await pairTill(t, admin);
    expect((await call(t, 'GET', '/api/v1/pull/parameters', { token: again.token })).status).toBe(200);
  });

  it('guards the admin API: bad password and missing token are 401 unauthorized', async () => {
    const login = await call(t, 'POST', '/api/v1/admin/login', { body: { password: 'wrong-password' } });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('unauthorized');
    for (const path of ['/api/v1/admin/tills', '/api/v1/admin/summary', '/api/v1/admin/records/article']) {
      const r = await call(t, 'GET', path, { token: 'nope' });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
    }
    expect((await call(t, 'POST', '/api/v1/admin/sync-codes', {})).status).toBe(401);
  });
});
