// The sync engine's store in memory, for the engine's unit tests: the same tables and rows as
// the Dexie adapter (src/sync/dexieStore.ts), no IndexedDB. A writing method that throws leaves
// every table as it was (the tables are copied first), as a rolled-back transaction would.
import type { TillLink } from '../engine/link';
import { LINK_KEY, MIRROR_KEY } from '../engine/link';
import type { OutboxAck, OutboxEntry, PullPageWrite, QueuedMutation, SyncState, SyncStore } from '../engine/store';
import { SyncInvariantError } from '../engine/types';
import type { Article, Category } from '@model';
import { ADOPT_TABLE, categoryTables, groupPage, prunesLocalRows, serverRow } from '../localRows';
import { OUTBOX_SEQ_KEY } from '../../db/outbox';
import { mutation } from '@model';

type Row = Record<string, unknown>;
export type MemoryTables = Map<string, Map<string, Row>>;

const KEY_OF: Record<string, string> = { currencies: 'code', syncState: 'category', settings: 'key' };

export class MemorySyncStore implements SyncStore {
  tables: MemoryTables = new Map();
  /** When set, the next writing step throws this (then it is cleared). */
  failNextWrite: Error | null = null;

  table(name: string): Map<string, Row> {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = new Map()));
    return t;
  }

  put(name: string, row: unknown): void {
    const r = { ...(row as Row) };
    this.table(name).set(String(r[KEY_OF[name] ?? 'id']), r);
  }

  /** Runs `fn` on copies of the tables and keeps them only if it succeeds. */
  private async write<T>(fn: () => T | Promise<T>): Promise<T> {
    const before = this.tables;
    this.tables = new Map([...before].map(([n, t]) => [n, new Map([...t].map(([k, r]) => [k, structuredClone(r)]))]));
    try {
      if (this.failNextWrite) {
        const err = this.failNextWrite;
        this.failNextWrite = null;
        throw err;
      }
      return await fn();
    } catch (err) {
      this.tables = before;
      throw err;
    }
  }

  private setting(key: string): unknown {
    return this.table('settings').get(key)?.value;
  }

  async getLink(): Promise<TillLink | undefined> {
    return structuredClone(this.setting(LINK_KEY) as TillLink | undefined);
  }

  async updateLink(fn: (link: TillLink | undefined) => TillLink | undefined): Promise<void> {
    await this.write(async () => {
      const next = fn(await this.getLink());
      if (next) this.put('settings', { key: LINK_KEY, value: next });
    });
  }

  async getSyncStates(): Promise<SyncState[]> {
    return [...this.table('syncState').values()].map((r) => structuredClone(r as unknown as SyncState));
  }

  async getSyncState(category: Category): Promise<SyncState | undefined> {
    return (await this.getSyncStates()).find((s) => s.category === category);
  }

  async updateSyncStates(fn: (rows: readonly SyncState[]) => SyncState[]): Promise<void> {
    await this.write(async () => {
      for (const row of fn(await this.getSyncStates())) this.put('syncState', row);
    });
  }

  async updatePairing(fn: (link: TillLink | undefined, rows: readonly SyncState[]) => { link: TillLink; states: SyncState[] }): Promise<void> {
    await this.write(async () => {
      const { link, states } = fn(await this.getLink(), await this.getSyncStates());
      this.put('settings', { key: LINK_KEY, value: link });
      for (const row of states) this.put('syncState', row);
    });
  }

  applyPullPage(page: PullPageWrite): Promise<Set<string>> {
    return this.write(() => {
      const { puts, deletes, written } = groupPage(page.items);
      for (const [t, rows] of puts) for (const row of rows) this.put(t, row);
      for (const [t, keys] of deletes) for (const key of keys) this.table(t).delete(key);
      if (page.prune) {
        const keep = new Set([...page.prune.keep, ...written]);
        for (const t of categoryTables(page.category)) {
          const table = this.table(t);
          const all = prunesLocalRows(t, page.prune.mirror);
          for (const [key, row] of [...table]) if ((all || row.origin === 'erp') && !keep.has(`${t}:${key}`)) table.delete(key);
        }
      }
      if (page.checkpoint !== null || page.completedAt !== null) {
        const row = this.table('syncState').get(page.category) ?? { category: page.category, checkpoint: null, periodSec: null, lastSyncedAt: null, lastError: null };
        this.put('syncState', {
          ...row,
          ...(page.checkpoint !== null ? { checkpoint: page.checkpoint } : {}),
          ...(page.completedAt !== null ? { lastSyncedAt: page.completedAt, lastError: null } : {}),
        });
      }
      return written;
    });
  }

  private outboxRows(): OutboxEntry[] {
    return [...this.table('outbox').values()].map((r) => structuredClone(r as unknown as OutboxEntry)).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  }

  async readOutbox(afterSeq: number, limit: number): Promise<OutboxEntry[]> {
    return this.outboxRows()
      .filter((r) => (r.seq ?? 0) > afterSeq)
      .slice(0, limit);
  }

  async countOutbox(): Promise<number> {
    return this.table('outbox').size;
  }

  async acknowledge(acks: readonly OutboxAck[]): Promise<void> {
    await this.write(() => {
      const outbox = this.table('outbox');
      for (const ack of acks) {
        const row = outbox.get(ack.id);
        if (ack.outcome === 'rejected') {
          if (row) outbox.set(ack.id, { ...row, lastError: ack.lastError, attempts: ack.attempts });
          continue;
        }
        if (ack.serverRecord) {
          const { table, row: local } = serverRow(ack.serverRecord);
          this.put(table, local);
        } else if (ack.adopt) {
          const table = this.table(ADOPT_TABLE[ack.adopt.kind]);
          const local = table.get(ack.adopt.id);
          if (local?.origin === 'local') table.set(ack.adopt.id, { ...local, origin: 'erp' });
        }
        outbox.delete(ack.id);
      }
    });
  }

  /** The outbox row of a new mutation, its seq from a counter that only grows (as enqueueMutation). */
  enqueue(m: QueuedMutation, now: string): void {
    const baseRev = m.baseRev ?? null;
    if (!mutation.safeParse({ id: m.id, kind: m.kind, op: m.op, baseRev, data: m.data }).success) {
      throw new SyncInvariantError('invalid-mutation', `mutation ${m.kind} ${m.id} fails the protocol schema`);
    }
    const counter = this.setting(OUTBOX_SEQ_KEY);
    const last = this.outboxRows().at(-1)?.seq ?? 0;
    const seq = Math.max(typeof counter === 'number' ? counter : 0, last) + 1;
    this.put('settings', { key: OUTBOX_SEQ_KEY, value: seq });
    this.put('outbox', { id: m.id, seq, kind: m.kind, op: m.op, baseRev, data: m.data, createdAt: now, attempts: 0, lastError: null });
  }

  async getMirrorMode(): Promise<boolean> {
    return this.setting(MIRROR_KEY) === true;
  }

  async setMirrorMode(on: boolean): Promise<void> {
    await this.write(() => this.put('settings', { key: MIRROR_KEY, value: on }));
  }

  private localGoodKeys(): string[] {
    return [...this.table('articles')].filter(([, r]) => r.origin === 'local').map(([k]) => k);
  }

  async countLocalGoods(): Promise<number> {
    return this.localGoodKeys().length;
  }

  enableMirrorDeletingLocalGoods(): Promise<number> {
    return this.write(() => {
      const keys = this.localGoodKeys();
      for (const k of keys) this.table('articles').delete(k);
      this.put('settings', { key: MIRROR_KEY, value: true });
      return keys.length;
    });
  }

  enableMirrorQueueing(plan: (localGoods: Article[], queuedArticleIds: ReadonlySet<string>) => QueuedMutation[], now: string): Promise<number> {
    return this.write(() => {
      const local = this.localGoodKeys().map((k) => {
        const { origin: _o, nameKey: _n, words: _w, activeFlag: _a, ...good } = structuredClone(this.table('articles').get(k) ?? {});
        return good as unknown as Article;
      });
      const queued = new Set<string>();
      for (const r of this.outboxRows()) {
        const id = (r.data as { id?: unknown } | null)?.id;
        if (r.kind === 'article' && typeof id === 'string') queued.add(id);
      }
      const mutations = plan(local, queued);
      for (const m of mutations) this.enqueue(m, now);
      this.put('settings', { key: MIRROR_KEY, value: true });
      return mutations.length;
    });
  }
}
