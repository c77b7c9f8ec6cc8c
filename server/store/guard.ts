// Every database call is bounded in time, and storage failures are recognised in one place:
// a full disk (PostgreSQL SQLSTATE 53100 disk_full, "could not extend file", node ENOSPC) is
// answered 507 storage_full by the app; an embedded engine that aborted (PGlite's WebAssembly
// runtime died, SQLSTATE 58xxx I/O errors, XX internal errors) is reported once through `onFatal`:
// readiness then fails and main.ts exits non-zero so a supervisor restarts the process on a
// cleanly reopened data folder. PGlite itself recovers from a refused file extension (tested in
// tests/integration/storage-full.test.ts): that case is not fatal.
import type { Database, Sql } from './sql';

export class DatabaseTimeoutError extends Error {
  readonly code = 'db_timeout';
  constructor(ms: number) {
    super(`the database did not answer within ${ms} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}

/** `p`, or a rejection after `ms` (the timer never keeps the process alive). */
export function withTimeout<T>(p: Promise<T>, ms: number, error: () => Error): Promise<T> {
  if (!(ms > 0) || !Number.isFinite(ms)) return p;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(error()), ms);
    timer.unref?.();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function errorText(err: unknown): { code: string; message: string } {
  const e = err as { code?: unknown; message?: unknown; errno?: unknown } | null;
  return { code: typeof e?.code === 'string' ? e.code : '', message: typeof e?.message === 'string' ? e.message : String(err) };
}

/** A write refused because the disk (or the database's tablespace) is full. */
export function isStorageFull(err: unknown): boolean {
  const { code, message } = errorText(err);
  if (code === '53100' || code === 'ENOSPC' || code === 'EDQUOT') return true;
  return /could not extend file|No space left on device|disk quota exceeded/i.test(message);
}

/** The embedded engine cannot go on (a restart on the same folder is the way back). */
export function isFatalEngineError(err: unknown, engine: Database['engine']): boolean {
  if (engine !== 'pglite') return false;
  // WebAssembly.RuntimeError (an aborted engine), recognised by name: node's types declare no value for it.
  if (err instanceof Error && err.name === 'RuntimeError') return true;
  const { code, message } = errorText(err);
  if (/^58/.test(code) || code === 'XX000' || code === 'XX001' || code === 'XX002') return true;
  return /PGlite is closed|Aborted\(|RuntimeError|unreachable/i.test(message);
}

export interface GuardOptions {
  /** Bound on one query or one whole transaction (DB_TIMEOUT_MS; default 30 s). */
  timeoutMs: number;
  onFatal?: (err: unknown) => void;
}

export const DEFAULT_DB_TIMEOUT_MS = 30_000;

export function guardDatabase(db: Database, options: GuardOptions): Database {
  let fatal = false;
  const watch = (err: unknown): never => {
    if (!fatal && !isStorageFull(err) && isFatalEngineError(err, db.engine)) {
      fatal = true;
      options.onFatal?.(err);
    }
    throw err;
  };
  const bound = <T>(p: Promise<T>): Promise<T> => withTimeout(p, options.timeoutMs, () => new DatabaseTimeoutError(options.timeoutMs)).catch(watch);
  return {
    engine: db.engine,
    query: <R>(text: string, params?: readonly unknown[]) => bound(db.query<R>(text, params)),
    transaction: <T>(fn: (tx: Sql) => Promise<T>) => bound(db.transaction(fn)),
    close: () => db.close(),
  };
}
