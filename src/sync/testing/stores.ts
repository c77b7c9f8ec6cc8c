// The engine's contract tests run each case against every SyncStore adapter: the in-memory one
// (engine logic alone) and Dexie over fake-indexeddb. A harness gives the test the store and a
// way to seed and read the adapter's tables by name.
import Dexie from 'dexie';
import { vi } from 'vitest';
import type { OrgDatabase } from '../../db/schema';
import { syncStoreOf } from '../dexieStore';
import type { QueuedMutation, SyncStore } from '../engine/store';
import { enqueueMutation } from '../../db/outbox';
import { freshDb } from './fixtures';
import { MemorySyncStore } from './memoryStore';

export type HarnessTable = 'articles' | 'articleGroups' | 'clients' | 'prices' | 'currencies' | 'parameters' | 'outbox' | 'syncState' | 'settings';
type Row = Record<string, unknown>;

export interface StoreHarness {
  store: SyncStore;
  get(table: HarnessTable, key: string): Promise<Row | undefined>;
  /** Primary keys in key order. */
  keys(table: HarnessTable): Promise<string[]>;
  count(table: HarnessTable): Promise<number>;
  put(table: HarnessTable, ...rows: unknown[]): Promise<void>;
  update(table: HarnessTable, key: string, changes: Row): Promise<void>;
  /** Queues a mutation as a sale would (with its seq). */
  enqueue(m: QueuedMutation, now: string): Promise<void>;
  /** The next writing step of the store fails (a quota error, a closed database). */
  failNextWrite(): void;
  dispose(): Promise<void>;
}

function memoryHarness(): StoreHarness {
  const store = new MemorySyncStore();
  const get = async (t: HarnessTable, key: string) => structuredClone(store.table(t).get(key));
  return {
    store,
    get,
    keys: async (t) => [...store.table(t).keys()].sort(),
    count: async (t) => store.table(t).size,
    put: async (t, ...rows) => rows.forEach((r) => store.put(t, r)),
    update: async (t, key, changes) => {
      const row = store.table(t).get(key);
      if (row) store.table(t).set(key, { ...row, ...changes });
    },
    enqueue: async (m, now) => store.enqueue(m, now),
    failNextWrite: () => {
      store.failNextWrite = new DOMException('quota', 'QuotaExceededError');
    },
    dispose: async () => {},
  };
}

export function dexieHarness(db: OrgDatabase = freshDb()): StoreHarness {
  const store = syncStoreOf(db);
  return {
    store,
    get: (t, key) => db.table<Row, string>(t).get(key),
    keys: async (t) => (await db.table<Row, string>(t).toCollection().primaryKeys()).map(String),
    count: (t) => db.table(t).count(),
    put: async (t, ...rows) => {
      await db.table(t).bulkPut(rows);
    },
    update: async (t, key, changes) => {
      await db.table<Row, string>(t).update(key, changes);
    },
    enqueue: (m, now) => db.transaction('rw', [db.outbox, db.settings], () => enqueueMutation(db, m, now)),
    failNextWrite: () => {
      // Every write of the adapter opens a transaction; reads do not.
      vi.spyOn(db, 'transaction').mockImplementationOnce(() => Dexie.Promise.reject(new DOMException('quota', 'QuotaExceededError')));
    },
    dispose: () => db.delete(),
  };
}

export const STORE_ADAPTERS: readonly (readonly [name: string, create: () => StoreHarness])[] = [
  ['memory', memoryHarness],
  ['dexie', () => dexieHarness()],
];
