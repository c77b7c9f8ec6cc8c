// Conformance: the off-site backup copy (/api/v1/backup/{setId}/{path}, docs/backup-format.md).
// A real backup run of an organization on fake-indexeddb goes to the back office through
// httpDestination, is verified quick and deep, and restored; bad tokens and paths get 4xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpDestination, listOffsiteSets } from '../../src/backup/destinations/http';
import { inlineCodec } from '../../src/backup/format/codec';
import { commitRestore, previewRestore, runBackup, verifyBackup } from '../../src/backup/service';
import { setupBackupSet } from '../../src/backup/settings';
import { dumpTables, freshDb, seedOrg, stepClock } from '../../src/backup/test-fixtures';
import { toArticleRow } from '../../src/db/schema';
import { article } from '../../src/backup/test-fixtures';
import { errorResponse } from '@model';
import { adminToken, call, pairTill, RUN, type Answer } from './client';
import { startTarget, targetNames, type Target } from './harness';

const HASH = 'ab'.repeat(32);
const extras = { codec: inlineCodec, organization: { id: 'org-offsite', name: 'Off-site shop' } };

function expectError(r: Answer, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(errorResponse.parse(r.body).error.code).toBe(code);
}

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

  it('replaces a file atomically and deletes it; other tills read the set but only its owner writes', async () => {
    const base = `/api/v1/backup/set-${RUN}`;
    expect((await call(t, 'PUT', `${base}/HEAD`, { token: till.token, raw: 'one' })).status).toBe(204);
    expect((await call(t, 'PUT', `${base}/HEAD`, { token: till.token, raw: 'two' })).status).toBe(204);
    expect(await call(t, 'GET', `${base}/HEAD`, { token: till.token })).toEqual({ status: 200, body: 'two' });
    expect((await call(t, 'GET', `${base}/`, { token: till.token })).body).toEqual({ files: [{ name: 'HEAD', size: 3 }] });

    // A replacement tablet of the same shop can read the copy (to restore it) but not change it.
    const other = await pairTill(t, admin);
    expect(await call(t, 'GET', `${base}/HEAD`, { token: other.token })).toEqual({ status: 200, body: 'two' });
    expect((await call(t, 'GET', `${base}/`, { token: other.token })).body).toEqual({ files: [{ name: 'HEAD', size: 3 }] });
    expectError(await call(t, 'PUT', `${base}/HEAD`, { token: other.token, raw: 'evil' }), 403, 'forbidden');
    expectError(await call(t, 'DELETE', `${base}/HEAD`, { token: other.token }), 403, 'forbidden');
    expect(await call(t, 'GET', `${base}/HEAD`, { token: till.token })).toEqual({ status: 200, body: 'two' });
    const refused = httpDestination({ baseUrl: t.baseUrl, setId: `set-${RUN}`, token: other.token });
    await expect(refused.write('HEAD', new Uint8Array([1]))).rejects.toMatchObject({ code: 'not-allowed' });

    expect((await call(t, 'DELETE', `${base}/HEAD`, { token: till.token })).status).toBe(204);
    expectError(await call(t, 'GET', `${base}/HEAD`, { token: till.token }), 404, 'not_found');
    expectError(await call(t, 'DELETE', `${base}/HEAD`, { token: till.token }), 404, 'not_found');
    expectError(await call(t, 'DELETE', `/api/v1/backup/set-${RUN}-never/HEAD`, { token: till.token }), 404, 'not_found');
  });

  it('lists the stored sets with their till, size and whose they are', async () => {
    const setId = `set-${RUN}-listed`;
    expect((await call(t, 'PUT', `/api/v1/backup/${setId}/HEAD`, { token: till.token, raw: 'abcd' })).status).toBe(204);
    expect((await call(t, 'PUT', `/api/v1/backup/${setId}/key.age`, { token: till.token, raw: 'efghij' })).status).toBe(204);
    const mine = await call(t, 'GET', '/api/v1/backup/', { token: till.token });
    expect(mine.status).toBe(200);
    const listed = (mine.body.sets as { setId: string }[]).find((s) => s.setId === setId);
    expect(listed).toMatchObject({ setId, files: 2, bytes: 10, own: true, deviceName: 'Conformance till' });
    expect(mine.body.quota.usedBytes).toBeGreaterThanOrEqual(10);
    const other = await pairTill(t, admin);
    const theirs = await call(t, 'GET', '/api/v1/backup/', { token: other.token });
    expect((theirs.body.sets as { setId: string; own: boolean }[]).find((s) => s.setId === setId)?.own).toBe(false);
    expect(theirs.body.quota.usedBytes).toBe(0);
    // The till's client reads the same listing through its schema.
    const listing = await listOffsiteSets({ baseUrl: t.baseUrl, token: other.token });
    expect(listing.sets.find((s) => s.setId === setId)).toMatchObject({ own: false, files: 2, bytes: 10 });
    expect(listing.quota.limitBytes).toBe(2048 * 1024 * 1024);
    await expect(listOffsiteSets({ baseUrl: t.baseUrl, token: 'y'.repeat(43) })).rejects.toMatchObject({ code: 'not-allowed' });
    expectError(await call(t, 'GET', '/api/v1/backup/'), 401, 'unauthorized');
    expectError(await call(t, 'PUT', '/api/v1/backup/', { token: till.token, raw: 'x' }), 400, 'bad_request');
  });

  it('shows the admin every set with its till and size, and lets it delete one (the till can write it afresh)', async () => {
    const setId = `set-${RUN}-admin`;
    expect((await call(t, 'PUT', `/api/v1/backup/${setId}/HEAD`, { token: till.token, raw: 'abc' })).status).toBe(204);
    expect((await call(t, 'PUT', `/api/v1/backup/${setId}/key.age`, { token: till.token, raw: 'defgh' })).status).toBe(204);
    const listed = await call(t, 'GET', '/api/v1/admin/backups', { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body.quotaBytes).toBe(2048 * 1024 * 1024);
    expect((listed.body.items as { setId: string }[]).find((s) => s.setId === setId)).toMatchObject({ tillId: till.tillId, files: 2, bytes: 8 });
    expectError(await call(t, 'GET', '/api/v1/admin/backups', { token: till.token }), 401, 'unauthorized');
    expectError(await call(t, 'DELETE', `/api/v1/admin/backups/${setId}`, { token: till.token }), 401, 'unauthorized');

    expect(await call(t, 'DELETE', `/api/v1/admin/backups/${setId}`, { token: admin })).toEqual({ status: 200, body: { ok: true } });
    expectError(await call(t, 'DELETE', `/api/v1/admin/backups/${setId}`, { token: admin }), 404, 'not_found');
    expectError(await call(t, 'GET', `/api/v1/backup/${setId}/HEAD`, { token: till.token }), 404, 'not_found');
    expect(((await call(t, 'GET', '/api/v1/admin/backups', { token: admin })).body.items as { setId: string }[]).some((s) => s.setId === setId)).toBe(false);
    // Any till may now start that set again (it is new to the server).
    const other = await pairTill(t, admin);
    expect((await call(t, 'PUT', `/api/v1/backup/${setId}/HEAD`, { token: other.token, raw: 'new' })).status).toBe(204);
  });

  it('lets the same device paired again take its set over', async () => {
    const install = `install-${RUN}-tablet`;
    const first = await pairTill(t, admin, install);
    const base = `/api/v1/backup/set-${RUN}-repaired`;
    expect((await call(t, 'PUT', `${base}/HEAD`, { token: first.token, raw: 'before' })).status).toBe(204);
    const again = await pairTill(t, admin, install);
    expect((await call(t, 'PUT', `${base}/HEAD`, { token: again.token, raw: 'after' })).status).toBe(204);
    expect(await call(t, 'GET', `${base}/HEAD`, { token: again.token })).toEqual({ status: 200, body: 'after' });
    const listed = await call(t, 'GET', '/api/v1/backup/', { token: again.token });
    expect((listed.body.sets as { setId: string; own: boolean }[]).find((s) => s.setId === `set-${RUN}-repaired`)?.own).toBe(true);
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

describe.each(targetNames().filter((n) => n !== 'external'))('off-site backup quota on %s', (name) => {
  let t: Target;
  let admin: string;
  beforeAll(async () => {
    t = await startTarget(name, { backupQuotaBytes: 1000 });
    admin = await adminToken(t);
  });
  afterAll(() => t?.close());

  it('refuses with 507 quota_exceeded past the till\'s quota, keeps what was stored, and counts replacements once', async () => {
    const till = await pairTill(t, admin);
    const other = await pairTill(t, admin);
    const a = `/api/v1/backup/set-${RUN}-qa`;
    const b = `/api/v1/backup/set-${RUN}-qb`;
    expect((await call(t, 'PUT', `${a}/packs/${HASH}`, { token: till.token, raw: new Uint8Array(600) })).status).toBe(204);
    // Replacing a file counts its new size only.
    expect((await call(t, 'PUT', `${a}/packs/${HASH}`, { token: till.token, raw: new Uint8Array(900) })).status).toBe(204);
    const full = await call(t, 'PUT', `${b}/HEAD`, { token: till.token, raw: new Uint8Array(200) });
    expectError(full, 507, 'quota_exceeded');
    expect(full.body.error.message).toMatch(/full/);
    expectError(await call(t, 'GET', `${b}/HEAD`, { token: till.token }), 404, 'not_found');
    expect((await call(t, 'GET', `${a}/packs/${HASH}`, { token: till.token })).body).toHaveLength(900);
    // The quota is per till: another till still has its own space.
    expect((await call(t, 'PUT', `${b}/HEAD`, { token: other.token, raw: new Uint8Array(200) })).status).toBe(204);
    const dest = httpDestination({ baseUrl: t.baseUrl, setId: `set-${RUN}-qa`, token: till.token });
    await expect(dest.write('HEAD', new Uint8Array(500))).rejects.toMatchObject({ code: 'quota' });
    // Freeing space lets the next upload in.
    expect((await call(t, 'DELETE', `${a}/packs/${HASH}`, { token: till.token })).status).toBe(204);
    expect((await call(t, 'PUT', `${a}/HEAD`, { token: till.token, raw: new Uint8Array(500) })).status).toBe(204);
  });
});
