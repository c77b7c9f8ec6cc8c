// Conformance: bad input gets a 4xx with a fixed code, never a 5xx, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponse, MAX_BODY_BYTES } from '@model';
import { adminToken, call, issueCode, makeReceipt, pairBody, pairTill, receiptCount, receiptMutation, tillCount, type Answer } from './client';
import { startTarget, targetNames, type Target } from './harness';

describe.each(targetNames())('bad input on %s', (name) => {
  let t: Target;
  let admin: string;
  let till: { tillId: string; token: string };
  beforeAll(async () => {
    t = await startTarget(name);
    admin = await adminToken(t);
    till = await pairTill(t, admin);
  });
  afterAll(() => t?.close());

  function expectError(r: Answer, status: number, code: string) {
    expect(r.status).toBe(status);
    expect(errorResponse.parse(r.body).error.code).toBe(code);
  }

  async function counts() {
    return { receipts: await receiptCount(t, admin), tills: await tillCount(t, admin) };
  }

  it('answers 400 bad_json to malformed JSON on pair and push', async () => {
    const before = await counts();
    for (const raw of ['{"mutations": [', 'not json', '']) {
      expectError(await call(t, 'POST', '/api/v1/push', { token: till.token, raw, headers: { 'content-type': 'application/json' } }), 400, 'bad_json');
      expectError(await call(t, 'POST', '/api/v1/pair', { raw }), 400, 'bad_json');
    }
    expect(await counts()).toEqual(before);
  });

  it('answers 400 bad_request to well-formed JSON of the wrong shape', async () => {
    const before = await counts();
    const bodies: unknown[] = [
      null,
      [],
      'mutations',
      { mutations: 'all of them' },
      { mutations: [] },
      { mutations: [{ kind: 'receipt' }] },
      { mutations: Array.from({ length: 201 }, (_, i) => receiptMutation(makeReceipt(till.tillId), `m-${i}`)) },
      { mutations: [receiptMutation(makeReceipt(till.tillId))], pending: -1 },
    ];
    for (const body of bodies) {
      expectError(await call(t, 'POST', '/api/v1/push', { token: till.token, body }), 400, 'bad_request');
    }
    expectError(await call(t, 'POST', '/api/v1/pair', { body: { ...pairBody('ABCD2345'), deviceName: 7 } }), 400, 'bad_request');
    expect(await counts()).toEqual(before);
  });

  it('answers 413 body_too_large by Content-Length, before reading the body', async () => {
    const before = await counts();
    const huge = JSON.stringify({ mutations: [receiptMutation(makeReceipt(till.tillId))], pad: 'x'.repeat(MAX_BODY_BYTES) });
    expectError(await call(t, 'POST', '/api/v1/push', { token: till.token, raw: huge, headers: { 'content-type': 'application/json' } }), 413, 'body_too_large');
    expect(await counts()).toEqual(before);
  });

  it('answers 413 body_too_large to a chunked body that grows past the limit', async () => {
    const before = await counts();
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES + chunk.length) controller.close();
        else {
          sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    const answer = await call(t, 'POST', '/api/v1/push', { token: till.token, raw: stream, headers: { 'content-type': 'application/json' } });
    expectError(answer, 413, 'body_too_large');
    expect(await counts()).toEqual(before);
  });

  it('answers 400 to text the database cannot store (NUL characters) and keeps the code unspent', async () => {
    const before = await counts();
    const code = await issueCode(t, admin);
    expectError(await call(t, 'POST', '/api/v1/pair', { body: { ...pairBody(code), deviceName: 'till\u0000one' } }), 400, 'bad_request');
    const art = (await call(t, 'GET', '/api/v1/admin/records/article?limit=1', { token: admin })).body.items[0];
    expectError(await call(t, 'PUT', `/api/v1/admin/records/article/${art.id}`, { token: admin, body: { ...art.data, name: 'bad\u0000name' } }), 400, 'bad_request');
    expect(await counts()).toEqual(before);
    expect((await call(t, 'POST', '/api/v1/pair', { body: pairBody(code) })).status).toBe(200);
  });

  it('answers 404 unknown_category for categories outside the protocol', async () => {
    for (const category of ['receipts', 'ARTICLES', '..%2Fadmin', 'x'.repeat(300)]) {
      expectError(await call(t, 'GET', `/api/v1/pull/${category}`, { token: till.token }), 404, 'unknown_category');
    }
  });

  it('answers 404 not_found as JSON for unknown API paths', async () => {
    expectError(await call(t, 'GET', '/api/v1/nothing-here', { token: till.token }), 404, 'not_found');
    expectError(await call(t, 'DELETE', '/api/v1/push', { token: till.token }), 404, 'not_found');
  });

  it('rejects bad admin writes with 400 and leaves the record unchanged', async () => {
    const art = (await call(t, 'GET', '/api/v1/admin/records/article?limit=1', { token: admin })).body.items[0];
    expectError(await call(t, 'PUT', `/api/v1/admin/records/article/${art.id}`, { token: admin, body: { ...art.data, price: 1.5 } }), 400, 'bad_request');
    expectError(await call(t, 'PUT', `/api/v1/admin/records/article/${art.id}`, { token: admin, raw: '{', headers: { 'content-type': 'application/json' } }), 400, 'bad_json');
    expectError(await call(t, 'PUT', `/api/v1/admin/records/article/${art.id}`, { token: admin, body: { ...art.data, id: 'other-id' } }), 400, 'bad_request');
    expectError(await call(t, 'PUT', '/api/v1/admin/records/spaceship/x', { token: admin, body: {} }), 404, 'not_found');
    const after = (await call(t, 'GET', `/api/v1/admin/records/article?q=${art.data.sku}`, { token: admin })).body.items[0];
    expect(after).toEqual(art);
  });
});
