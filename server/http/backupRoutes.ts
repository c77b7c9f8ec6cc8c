// The off-site backup copy (docs/backup-format.md, "Off-site copy"): a till stores the files of
// its encrypted backup set under /api/v1/backup/{setId}/{path}. Authenticated with the till's
// bearer token like /push; each till sees only its own sets. Bytes are opaque to the server.
import { Hono } from 'hono';
import type { Clock } from '../clock';
import type { Database } from '../store/sql';
import { deleteBackupFile, getBackupFile, listBackupFiles, putBackupFile } from './backupStore';
import { parseBackupTarget } from './backupPaths';
import { HttpError, readBodyBytes } from './errors';
import { authenticateTill } from './syncRoutes';

/** Largest file accepted: a pack holds at most 4 MiB of plaintext (chunker maxBytes) before
 * gzip and age, so 16 MiB leaves room for manifests of very large organizations. */
export const MAX_BACKUP_FILE_BYTES = 16 * 1024 * 1024;

export interface BackupDeps {
  db: Database;
  clock: Clock;
  maxFileBytes?: number;
}


/** Mounted under API_PREFIX; `prefix` is the full path before `{setId}` (for raw URL parsing). */
export function backupRoutes(deps: BackupDeps, prefix: string): Hono {
  const app = new Hono();
  const maxBytes = deps.maxFileBytes ?? MAX_BACKUP_FILE_BYTES;

  app.all('/backup/*', async (c) => {
    const till = await authenticateTill(c, deps);
    // The raw path keeps %2F and %2E%2E escaped, so each segment is decoded and checked alone.
    const rawPath = new URL(c.req.url).pathname;
    const target = rawPath.startsWith(prefix) ? parseBackupTarget(rawPath.slice(prefix.length)) : null;
    if (!target) throw new HttpError(400, 'bad_request', 'not a path of a backup tree');
    const method = c.req.method;
    if (target.kind === 'dir') {
      if (method !== 'GET') throw new HttpError(400, 'bad_request', 'folders can only be listed');
      return c.json({ files: await listBackupFiles(deps.db, till.id, target.setId, target.dir) });
    }
    const key = { tillId: till.id, setId: target.setId, path: target.path };
    if (method === 'GET') {
      const bytes = await getBackupFile(deps.db, key);
      if (!bytes) throw new HttpError(404, 'not_found', 'no such backup file');
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' });
    }
    if (method === 'PUT') {
      await putBackupFile(deps.db, key, await readBodyBytes(c, maxBytes), deps.clock.now());
      return c.body(null, 204);
    }
    if (method === 'DELETE') {
      if (!(await deleteBackupFile(deps.db, key))) throw new HttpError(404, 'not_found', 'no such backup file');
      return c.body(null, 204);
    }
    throw new HttpError(400, 'bad_request', `${method} is not supported here`);
  });
  return app;
}
