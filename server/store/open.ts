// Chooses the engine: PostgreSQL when a URL is given, otherwise PGlite in a data folder. The
// folder is checked first: a read-only or full DATA_DIR is a readable DataDirError, not an
// engine's stack dump.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './sql';

/** DATA_DIR cannot hold the embedded database; the message names the folder and the reason. */
export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

async function checkWritable(dataDir: string, dir: string): Promise<void> {
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    await mkdir(path.dirname(dir), { recursive: true });
    // Not recursive: on a read-only mount this reports EROFS (a recursive mkdir says ENOENT).
    await mkdir(dir).catch((err: unknown) => {
      if ((err as { code?: unknown }).code !== 'EEXIST') throw err;
    });
    await writeFile(probe, 'probe');
    await rm(probe, { force: true });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const reason = `${typeof code === 'string' ? `${code}, ` : ''}${err instanceof Error ? err.message : String(err)}`;
    if (typeof code === 'string' && READ_ONLY.has(code)) throw new DataDirError(`DATA_DIR ${dataDir} is read-only: ${reason}`);
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new DataDirError(`DATA_DIR ${dataDir} is full: ${reason}`);
    throw new DataDirError(`DATA_DIR ${dataDir} cannot be used: ${reason}`);
  }
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string; schema?: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, { schema: options.schema });
  const dir = path.join(options.dataDir, 'pglite');
  await checkWritable(options.dataDir, dir);
  try {
    return await openPglite(dir);
  } catch (err) {
    throw new DataDirError(`DATA_DIR ${options.dataDir}: the embedded database could not be opened: ${err instanceof Error ? err.message : String(err)}`);
  }
}
