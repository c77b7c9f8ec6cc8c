// Conformance: the off-site backup copy (/api/v1/backup/{setId}/{path}, docs/backup-format.md).
// A real backup run of an organization on fake-indexeddb goes to the back office through
// httpDestination, is verified quick and deep, and restored; bad tokens and paths get 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpDestination } from '../../src/backup/destinations/http';
import { inlineCodec } from '../../src/backup/format/codec';
import { commitRestore, previewRestore, runBackup, verifyBackup } from '../../src/backup/service';
import { setupBackupSet } from '../../src/backup/settings';
import { dumpTables, freshDb, seedOrg, stepClock } from '../../src/backup/test-fixtures';
import { toArticleRow } from '../../src/db/schema';
import { article } from '../../src/backup/test-fixtures';
import { errorResponse } from '../../src/sync/protocol';
import { adminToken, call, pairTill, RUN, type Answer } from './client';
import { startTarget, targetNames, type Target } from './harness';

const HASH = 'ab'.repeat(32);
const extras = { codec: inlineCodec, organization: { id: 'org-offsite', name: 'Off-site shop' } };

describe.each(targetNames())('off-site backup copy on %s', (name) => {
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

  it('backs up to the back office, verifies quick and deep, runs again incrementally and restores', async () => {
    const db = freshDb('offsite');
    await seedOrg(db, { articles: 600, receipts: 400 });
    const clock = stepClock();
    const set = await setupBackupSet(db, { password: 'off-site pw' }, { codec: inlineCodec, clock, scryptLogN: 2 });
    if (!set.ok) throw new Error(set.reason);
    const dest = httpDestination({ baseUrl: t.baseUrl, setId: set.value.setId, token: till.token });

    const first = await runBackup(db, dest, null, clock, undefined, extras);
    expect(first.ok).toBe(true);
    const root = (await dest.list('')).map((f) => f.name).sort();
    expect(root).toEqual(['BACKUP.json', 'HEAD', 'MEDIUM.json', 'key.age']);
    expect((await dest.list('packs')).length).toBeGreaterThan(1);

    await db.articles.put(toArticleRow(article(5, 77_777), 'erp'));
    const second = await runBackup(db, dest, null, clock, undefined, extras);
    expect(second.ok && second.value.packsReused).toBeGreaterThan(0);
    expect((await dest.list('manifests')).length).toBe(1);

    expect((await verifyBackup(dest, 'quick', { codec: inlineCodec })).ok).toBe(true);
    expect((await verifyBackup(dest, 'deep', { codec: inlineCodec, secret: 'off-site pw' })).ok).toBe(true);
    const wrong = await verifyBackup(dest, 'deep', { codec: inlineCodec, secret: 'nope' });
    expect(wrong.ok ? 'ok' : wrong.reason).toBe('wrong-password');

    const target = freshDb('offsite-restored');
    const preview = await previewRestore(dest, 'off-site pw', target, { codec: inlineCodec });
    if (!preview.ok) throw new Error(preview.reason);
    expect((await commitRestore(target, preview.value)).ok).toBe(true);
    expect(await dumpTables(target)).toEqual(await dumpTables(db));
  });

  it('replaces a file atomically, deletes it, and keeps each till to its own sets', async () => {
    const base = `/api/v1/backup/set-${RUN}`;
    expect((await call(t, 'PUT', `${base}/HEAD`, { token: till.token, raw: 'one' })).status).toBe(204);
    expect((await call(t, 'PUT', `${base}/HEAD`, { token: till.token, raw: 'two' })).status).toBe(204);
    expect(await call(t, 'GET', `${base}/HEAD`, { token: till.token })).toEqual({ status: 200, body: 'two' });
    expect((await call(t, 'GET', `${base}/`, { token: till.token })).body).toEqual({ files: [{ name: 'HEAD', size: 3 }] });

    const other = await pairTill(t, admin);
    expectError(await call(t, 'GET', `${base}/HEAD`, { token: other.token }), 404, 'not_found');
    expect((await call(t, 'GET', `${base}/`, { token: other.token })).body).toEqual({ files: [] });
    expectError(await call(t, 'DELETE', `${base}/HEAD`, { token: other.token }), 404, 'not_found');

    expect((await call(t, 'DELETE', `${base}/HEAD`, { token: till.token })).status).toBe(204);
    expectError(await call(t, 'GET', `${base}/HEAD`, { token: till.token }), 404, 'not_found');
    expectError(await call(t, 'DELETE', `${base}/HEAD`, { token: till.token }), 404, 'not_found');
  });

  it('answers 401 without a token, with an unknown one, and to a revoked till', async () => {
    const base = `/api/v1/backup/set-${RUN}`;
    for (const token of [undefined, 'x'.repeat(43)]) {
      expectError(await call(t, 'GET', `${base}/HEAD`, { token }), 401, 'unauthorized');
      expectError(await call(t, 'PUT', `${base}/HEAD`, { token, raw: 'x' }), 401, 'unauthorized');
      expectError(await call(t, 'GET', `${base}/packs/`, { token }), 401, 'unauthorized');
    }
    const revoked = await pairTill(t, admin);
    await call(t, 'POST', `/api/v1/admin/tills/${revoked.tillId}/revoke`, { token: admin });
    expectError(await call(t, 'PUT', `${base}/HEAD`, { token: revoked.token, raw: 'x' }), 401, 'till_revoked');
    const refused = httpDestination({ baseUrl: t.baseUrl, setId: 'set', token: revoked.token });
    await expect(refused.read('HEAD')).rejects.toMatchObject({ code: 'not-allowed' });
  });

  it('answers 400 bad_request to paths outside the backup tree and writes nothing', async () => {
    const base = `/api/v1/backup/set-${RUN}-bad`;
    const bad = [
      `${base}/%2E%2E/HEAD`,
      `${base}/..%2FHEAD`,
      `${base}/packs/..%2F..%2FHEAD`,
      `${base}/packs%2F${HASH}`,
      `${base}/packs/${HASH.toUpperCase()}`,
      `${base}/packs/short`,
      `${base}/packs/${HASH}/more`,
      `${base}/notes.txt`,
      `${base}/HEAD/`,
      `${base}/other/`,
      `${base}/packs/%ZZ`,
      `/api/v1/backup/bad%20set/HEAD`,
      `/api/v1/backup/${'s'.repeat(65)}/HEAD`,
      `/api/v1/backup/set-${RUN}`,
    ];
    for (const path of bad) {
      expectError(await call(t, 'PUT', path, { token: till.token, raw: 'x' }), 400, 'bad_request');
      const get = await call(t, 'GET', path, { token: till.token });
      expect([path, get.status]).toEqual([path, 400]);
      expect(errorResponse.parse(get.body).error.code).toBe('bad_request');
    }
    expectError(await call(t, 'PUT', `${base}/packs/`, { token: till.token, raw: 'x' }), 400, 'bad_request');
    expectError(await call(t, 'POST', `${base}/HEAD`, { token: till.token, raw: 'x' }), 400, 'bad_request');
    expect((await call(t, 'GET', `${base}/`, { token: till.token })).body).toEqual({ files: [] });
  });

  it('answers 413 body_too_large to a file over the limit and keeps the previous one', async () => {
    const path = `/api/v1/backup/set-${RUN}-big/packs/${HASH}`;
    expect((await call(t, 'PUT', path, { token: till.token, raw: 'small' })).status).toBe(204);
    expectError(await call(t, 'PUT', path, { token: till.token, raw: new Uint8Array(16 * 1024 * 1024 + 1) }), 413, 'body_too_large');
    expect(await call(t, 'GET', path, { token: till.token })).toEqual({ status: 200, body: 'small' });
  });
});
