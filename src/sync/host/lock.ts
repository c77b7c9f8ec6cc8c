// One engine per organization across tabs and the service worker: a Web Lock when the platform
// has one, otherwise an in-memory mutex (enough within one context: unit tests, old browsers).

/** The part of navigator.locks we use; structural so DOM and WebWorker typings both fit. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function syncLockName(orgId: string): string {
  return `pos-sync-${orgId}`;
}

/** A FIFO mutex per name, for contexts without navigator.locks. */
export function createMemoryLocks(): LockManagerLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(callback, callback);
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(name, tail);
      void tail.then(() => {
        if (tails.get(name) === tail) tails.delete(name);
      });
      return run;
    },
  };
}

const fallback = createMemoryLocks();

/** navigator.locks when present (page or worker), else the shared in-memory mutex. */
export function platformLocks(nav: { locks?: unknown } | undefined): LockManagerLike {
  const locks = nav?.locks as { request?: unknown } | undefined;
  if (locks && typeof locks.request === 'function') {
    return { request: (name, callback) => (locks as LockManagerLike).request(name, () => callback()) };
  }
  return fallback;
}

export function withSyncLock<T>(locks: LockManagerLike, orgId: string, fn: () => Promise<T>): Promise<T> {
  return locks.request(syncLockName(orgId), fn);
}
