// The off-site backup copy (docs/backup-format.md, "Off-site copy"): a till stores the files of
// its encrypted backup set under /api/v1/backup/{setId}/{path}, authenticated with its bearer
// token like /push. Sets belong to the back office: every paired till may list and read them
// (to restore a replaced tablet; the bytes are encrypted), only the owning till — or the same
// device paired again — writes, within a per-till quota. Bytes are opaque to the server.
import { Hono } from 'hono';
import type { Clock } from '@model';
import type { Database } from '../store/sql';
import { claimSet, deleteBackupFile, getBackupFile, listBackupFiles, listBackupSets, putBackupFile, setOwner, tillUsage, usedBytes } from './backupStore';
import { parseBackupTarget } from './backupPaths';
import { HttpError, readBodyBytes } from './errors';
import { authenticateTill } from './syncRoutes';

/** Largest file accepted: a pack holds at most 4 MiB of plaintext (chunker maxBytes) before
 * gzip and age, so 16 MiB leaves room for manifests of very large organizations. */
export const MAX_BACKUP_FILE_BYTES = 16 * 1024 * 1024;
/** Default space for the sets one till owns (BACKUP_QUOTA_MB): a year of receipts of a busy shop
 * packs into a few hundred MB; the current copy is all that is kept. */
export const DEFAULT_BACKUP_QUOTA_BYTES = 2048 * 1024 * 1024;
/** Sets one till may own (BACKUP_MAX_SETS): its current set and a few left by older installs. */
export const DEFAULT_BACKUP_MAX_SETS = 10;
/** Files in all the sets of one till (BACKUP_MAX_FILES): a large shop's set holds a few thousand. */
export const DEFAULT_BACKUP_MAX_FILES = 20_000;

export interface BackupDeps {
  db: Database;
  clock: Clock;
  maxFileBytes?: number;
  /** Space for the sets one till owns (createApp resolves the default). */
  quotaBytes: number;
  /** Sets one till may own (DEFAULT_BACKUP_MAX_SETS). */
  maxSets?: number;
  /** Files in all sets of one till (DEFAULT_BACKUP_MAX_FILES). */
  maxFiles?: number;
}

const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const forbidden = () => new HttpError(403, 'forbidden', 'this backup set belongs to another till');

/** Mounted under API_PREFIX; `prefix` is the full path before `{setId}` (for raw URL parsing). */
export function backupRoutes(deps: BackupDeps, prefix: string): Hono {
  const app = new Hono();
  const maxBytes = deps.maxFileBytes ?? MAX_BACKUP_FILE_BYTES;
  const quota = deps.quotaBytes;
  const maxSets = deps.maxSets ?? DEFAULT_BACKUP_MAX_SETS;
  const maxFiles = deps.maxFiles ?? DEFAULT_BACKUP_MAX_FILES;
  const full = (what: string) => new HttpError(507, 'quota_exceeded', `backup space of this till is full: ${what}`);

  async function listSets(tillId: string) {
    const sets = await listBackupSets(deps.db);
    return {
      sets: sets.map(({ tillId: owner, ...s }) => ({ ...s, own: owner === tillId })),
      quota: { usedBytes: await usedBytes(deps.db, tillId), limitBytes: quota },
    };
  }

  app.all('/backup/*', async (c) => {
    const till = await authenticateTill(c, deps);
    // The raw path keeps %2F and %2E%2E escaped, so each segment is decoded and checked alone.
    const rawPath = new URL(c.req.url).pathname;
    const method = c.req.method;
    if (rawPath === prefix) {
      if (method !== 'GET') throw new HttpError(400, 'bad_request', 'the list of sets can only be read');
      return c.json(await listSets(till.id), 200, { 'cache-control': 'no-store' });
    }
    const target = rawPath.startsWith(prefix) ? parseBackupTarget(rawPath.slice(prefix.length)) : null;
    if (!target) throw new HttpError(400, 'bad_request', 'not a path of a backup tree');
    if (target.kind === 'dir') {
      if (method !== 'GET') throw new HttpError(400, 'bad_request', 'folders can only be listed');
      return c.json({ files: await listBackupFiles(deps.db, target.setId, target.dir) });
    }
    const key = { setId: target.setId, path: target.path };
    if (method === 'GET') {
      const bytes = await getBackupFile(deps.db, key);
      if (!bytes) throw new HttpError(404, 'not_found', 'no such backup file');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
    }
    if (method === 'PUT') {
      const bytes = await readBodyBytes(c, maxBytes);
      const now = deps.clock.now();
      await deps.db.transaction(async (tx) => {
        // Checked before anything is written (claimSet's new row rolls back with the refusal).
        // claimSet locks the till's row: parallel uploads of one till are counted one at a time.
        if (!(await claimSet(tx, till.id, key.setId, now))) throw forbidden();
        const usage = await tillUsage(tx, till.id, key);
        // A new file, even an empty one, needs room: a full quota accepts only replacements
        // that fit, never more files or sets.
        if (usage.bytes + bytes.byteLength > quota || (!usage.replaces && usage.bytes >= quota)) {
          throw full(`${mib(usage.bytes)} of ${mib(quota)} used`);
        }
        if (!usage.replaces && usage.files >= maxFiles) throw full(`${usage.files} of ${maxFiles} files`);
        if (usage.otherSets >= maxSets && !usage.setHasFiles) throw full(`${usage.otherSets} of ${maxSets} backup sets`);
        await putBackupFile(tx, key, bytes, now);
      });
      return c.body(null, 204);
    }
    if (method === 'DELETE') {
      const deleted = await deps.db.transaction(async (tx) => {
        if ((await setOwner(tx, key.setId)) === null) return false;
        if (!(await claimSet(tx, till.id, key.setId, deps.clock.now()))) throw forbidden();
        return deleteBackupFile(tx, key);
      });
      if (!deleted) throw new HttpError(404, 'not_found', 'no such backup file');
      return c.body(null, 204);
    }
    throw new HttpError(400, 'bad_request', `${method} is not supported here`);
  });
  return app;
}
