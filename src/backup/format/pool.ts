// A small bounded pool: keeps a few file writes (and Worker seals) in flight, because a
// medium's per-file latency (OPFS swap files, USB, HTTP) dominates small packs. The first
// failure stops new launches and is rethrown by run() or drain().
export interface Pool {
  run(task: () => Promise<void>): Promise<void>;
  drain(): Promise<void>;
}

export function createPool(limit: number): Pool {
  const pending = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const check = () => {
    if (failure) throw failure.error;
  };
  return {
    async run(task) {
      check();
      while (pending.size >= limit) {
        await Promise.race(pending);
        check();
      }
      const p: Promise<void> = task()
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => pending.delete(p));
      pending.add(p);
    },
    async drain() {
      await Promise.all(pending);
      check();
    },
  };
}

/**
 * At most `limit` tasks run at once; callers beyond it wait their turn (FIFO). Unlike the pool,
 * it never blocks the caller's own loop until it awaits the returned promise — what a reader
 * feeding packs from inside a database transaction needs.
 */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < limit) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter so no newcomer slips in between.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
