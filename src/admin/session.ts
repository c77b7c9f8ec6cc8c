// The admin token, kept in sessionStorage (closing the tab logs out), with a tiny subscription
// so React can follow login and logout through useSyncExternalStore.
const KEY = 'pos-admin-token';

export interface Session {
  getToken(): string | null;
  setToken(token: string): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
}

export function createSession(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Session {
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  return {
    getToken: () => storage.getItem(KEY),
    setToken(token) {
      storage.setItem(KEY, token);
      notify();
    },
    clear() {
      if (storage.getItem(KEY) === null) return;
      storage.removeItem(KEY);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
