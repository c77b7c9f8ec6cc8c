// The sync engine's store (engine/store.ts) over the organization's Dexie database: each
// writing method is one IndexedDB transaction over just the tables it touches.
import type { OrgDatabase } from '../db/schema';
import type { TillLink } from './engine/link';
import { LINK_KEY, MIRROR_KEY } from './engine/link';
import type { OutboxAck, OutboxEntry, PullPageWrite, QueuedMutation, SyncState, SyncStore } from './engine/store';
import type { Article, Category } from '@model';
import { ADOPT_TABLE, categoryTables, groupPage, prunesLocalRows, serverRow } from './localRows';
import { enqueueMutation } from '../db/outbox';
import { REJECTED_PREFIX } from './engine/push';

export class DexieSyncStore implements SyncStore {
  constructor(readonly db: OrgDatabase) {}

  async getLink(): Promise<TillLink | undefined> {
    const row = await this.db.settings.get(LINK_KEY);
    return (row?.value as TillLink | undefined) ?? undefined;
  }

  async updateLink(fn: (link: TillLink | undefined) => TillLink | undefined): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.settings, async () => {
      const next = fn(await this.getLink());
      if (next) await db.settings.put({ key: LINK_KEY, value: next });
    });
  }

  getSyncStates(): Promise<SyncState[]> {
    return this.db.syncState.toArray();
  }

  getSyncState(category: Category): Promise<SyncState | undefined> {
    return this.db.syncState.get(category);
  }

  async updateSyncStates(fn: (rows: readonly SyncState[]) => SyncState[]): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.syncState, async () => {
      await db.syncState.bulkPut(fn(await db.syncState.toArray()));
    });
  }

  async updatePairing(fn: (link: TillLink | undefined, rows: readonly SyncState[]) => { link: TillLink; states: SyncState[] }): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.settings, db.syncState, async () => {
      const { link, states } = fn(await this.getLink(), await db.syncState.toArray());
      await db.settings.put({ key: LINK_KEY, value: link });
      await db.syncState.bulkPut(states);
    });
  }

  async applyPullPage(page: PullPageWrite): Promise<Set<string>> {
    const { db } = this;
    const tables = categoryTables(page.category);
    return db.transaction('rw', [...tables.map((t) => db.table(t)), db.syncState], async () => {
      const { puts, deletes, written } = groupPage(page.items);
      for (const [t, rows] of puts) await db.table(t).bulkPut(rows);
      for (const [t, keys] of deletes) await db.table(t).bulkDelete(keys);
      if (page.prune) {
        const keep = new Set([...page.prune.keep, ...written]);
        for (const t of tables) {
          const table = db.table<unknown, string>(t);
          const candidates = prunesLocalRows(t, page.prune.mirror)
            ? await table.toCollection().primaryKeys()
            : await table.where('origin').equals('erp').primaryKeys();
          await table.bulkDelete(candidates.filter((key) => !keep.has(`${t}:${key}`)));
        }
      }
      if (page.checkpoint !== null || page.completedAt !== null) {
        const row = (await db.syncState.get(page.category)) ?? { category: page.category, checkpoint: null, periodSec: null, lastSyncedAt: null, lastError: null };
        await db.syncState.put({
          ...row,
          ...(page.checkpoint !== null ? { checkpoint: page.checkpoint } : {}),
          ...(page.completedAt !== null ? { lastSyncedAt: page.completedAt, lastError: null } : {}),
        });
      }
      return written;
    });
  }

  readOutbox(afterSeq: number, limit: number): Promise<OutboxEntry[]> {
    return this.db.outbox.where('seq').above(afterSeq).limit(limit).toArray();
  }

  countOutbox(): Promise<number> {
    return this.db.outbox.count();
  }

  async acknowledge(acks: readonly OutboxAck[]): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.outbox, db.articles, db.articleGroups, db.clients], async () => {
      for (const ack of acks) {
        if (ack.outcome === 'rejected') {
          await db.outbox.update(ack.id, { lastError: ack.lastError, attempts: ack.attempts });
          continue;
        }
        if (ack.serverRecord) {
          const { table, row } = serverRow(ack.serverRecord);
          await db.table(table).put(row);
        } else if (ack.adopt) {
          const table = db.table<{ origin?: string }, string>(ADOPT_TABLE[ack.adopt.kind]);
          if ((await table.get(ack.adopt.id))?.origin === 'local') await table.update(ack.adopt.id, { origin: 'erp' });
        }
        await db.outbox.delete(ack.id);
      }
    });
  }

  async getMirrorMode(): Promise<boolean> {
    return (await this.db.settings.get(MIRROR_KEY))?.value === true;
  }

  async setMirrorMode(on: boolean): Promise<void> {
    await this.db.settings.put({ key: MIRROR_KEY, value: on });
  }

  countLocalGoods(): Promise<number> {
    return this.db.articles.where('origin').equals('local').count();
  }

  async enableMirrorDeletingLocalGoods(): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [db.articles, db.settings], async () => {
      const deleted = await db.articles.where('origin').equals('local').delete();
      await db.settings.put({ key: MIRROR_KEY, value: true });
      return deleted;
    });
  }

  async enableMirrorQueueing(plan: (localGoods: Article[], queuedArticleIds: ReadonlySet<string>) => QueuedMutation[], now: string): Promise<number> {
    const { db } = this;
    return db.transaction('rw', [db.articles, db.outbox, db.settings], async () => {
      const local = (await db.articles.where('origin').equals('local').toArray()).map(({ origin: _o, nameKey: _n, words: _w, activeFlag: _a, ...good }) => good);
      const queued = new Set<string>();
      for (const r of await db.outbox.where('kind').equals('article').toArray()) {
        const id = (r.data as { id?: unknown } | null)?.id;
        if (typeof id === 'string') queued.add(id);
      }
      const mutations = plan(local, queued);
      for (const m of mutations) await enqueueMutation(db, m, now);
      await db.settings.put({ key: MIRROR_KEY, value: true });
      return mutations.length;
    });
  }
}

const stores = new WeakMap<OrgDatabase, DexieSyncStore>();

/** The sync store over `db` (one per database). */
export function syncStoreOf(db: OrgDatabase): DexieSyncStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new DexieSyncStore(db)));
  return store;
}

/** Outbox rows the server refused (kept, shown to the manager, retried each cycle). */
export function countRejected(db: OrgDatabase): Promise<number> {
  return db.outbox.filter((r) => r.lastError?.startsWith(REJECTED_PREFIX) ?? false).count();
}
