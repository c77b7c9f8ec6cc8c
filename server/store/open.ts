// Chooses the engine: PostgreSQL when a URL is given, otherwise PGlite in a data folder.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import type { Database } from './sql';

export async function openDatabase(options: { databaseUrl?: string; dataDir: string; schema?: string }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, { schema: options.schema });
  const dir = path.join(options.dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  return openPglite(dir);
}
