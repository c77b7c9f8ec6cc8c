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
