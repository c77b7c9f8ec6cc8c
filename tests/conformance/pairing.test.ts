// Conformance: pairing with single-use, expiring, rate-limited sync codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pairResponse } from '@model';
import { adminToken, call, installId, issueCode, pairBody, tillCount } from './client';
import { startTarget, targetNames, type Target } from './harness';

describe.each(targetNames())('pairing on %s', (name) => {
  let t: Target;
  let admin: string;
  beforeAll(async () => {
    t = await startTarget(name);
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  it('pairs with a fresh code and answers a schema-valid response', async () => {
    const code = await issueCode(t, admin);
    expect(code).toMatch(/^[A-HJ-KM-NP-Z2-9]{8}$/);
    const r = await call(t, 'POST', '/api/v1/pair', { body: pairBody(code) });
    expect(r.status).toBe(200);
    const body = pairResponse.parse(r.body);
    expect(body.token.length).toBeGreaterThanOrEqual(43);
    expect(body.categories.map((c) => c.name).sort()).toEqual(['articles', 'clients', 'currencies', 'parameters', 'prices', 'rights']);
    const tills = (await call(t, 'GET', '/api/v1/admin/tills', { token: admin })).body.items;
    expect(tills.some((x: { id: string }) => x.id === body.tillId)).toBe(true);
  });

  it('refuses an unknown code with invalid_code and creates no till', async () => {
    const before = await tillCount(t, admin);
    const r = await call(t, 'POST', '/api/v1/pair', { body: pairBody('ZZZZ2222') });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_code');
    expect(await tillCount(t, admin)).toBe(before);
  });

  it('refuses a code used once already with code_used', async () => {
    const code = await issueCode(t, admin);
    expect((await call(t, 'POST', '/api/v1/pair', { body: pairBody(code) })).status).toBe(200);
    const again = await call(t, 'POST', '/api/v1/pair', { body: pairBody(code) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('code_used');
  });

  it('lets only one of two simultaneous pairings use a code', async () => {
    const code = await issueCode(t, admin);
    const answers = await Promise.all([0, 1, 2].map(() => call(t, 'POST', '/api/v1/pair', { body: pairBody(code) })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.body?.error?.code === 'code_used')).toHaveLength(2);
  });

  it('refuses an expired code with code_expired', async () => {
    let code: string;
    if (t.advanceClock) {
      code = await issueCode(t, admin);
      t.advanceClock(10 * 60_000 + 1_000);
    } else {
      code = await issueCode(t, admin, 1);
      await new Promise((r) => setTimeout(r, 1_500));
    }
    const r = await call(t, 'POST', '/api/v1/pair', { body: pairBody(code) });
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('code_expired');
  });

  it('answers 429 rate_limited after five failures from one install, even for a good code', async () => {
    const install = installId();
    for (let i = 0; i < 5; i++) {
      const r = await call(t, 'POST', '/api/v1/pair', { body: pairBody(`BADC0DE${i}`.replace('0', 'Q'), install) });
      expect(r.body.error.code).toBe('invalid_code');
    }
    const good = await issueCode(t, admin);
    const limited = await call(t, 'POST', '/api/v1/pair', { body: pairBody(good, install) });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    // The code was not spent by the refused attempt.
    expect((await call(t, 'POST', '/api/v1/pair', { body: pairBody(good) })).status).toBe(200);
  });

  it('rejects a malformed pairing request with bad_request', async () => {
    const r = await call(t, 'POST', '/api/v1/pair', { body: { code: 42, installId: 'x' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('bad_request');
  });
});
