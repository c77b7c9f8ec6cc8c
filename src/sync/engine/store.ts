// The engine's storage port: every read and atomic write the engine makes, in the engine's own
// terms. Adapters: src/sync/dexieStore.ts (IndexedDB) and src/sync/testing/memoryStore.ts (unit
// tests). Each method that writes is one atomic step: all of it is stored, or none of it.
import type { Article, ArticleGroup, Category, Client } from '@model';
import type { PullLiveItem, PullTombstone } from '@model';

/** The till's link to its back office (settings key 'link'). */
export interface TillLink {
  serverUrl: string;
  tillId: string;
  token: string;
  tillCode: string;
  organization: { id: string; name: string };
  stores: { id: string; name: string }[];
  pairedAt: string;
  /** Set when the server answered 401: the till must pair again (its outbox is kept). */
  unpairedAt: string | null;
}

export interface SyncState {
  category: Category;
  checkpoint: string | null;
  /** Seconds between pulls; null = "Never". */
  periodSec: number | null;
  lastSyncedAt: string | null;
  lastError: string | null;
}

export type OutboxKind = 'receipt' | 'shiftReport' | 'article' | 'articleGroup' | 'client';

/** An outbox row as the engine reads it (written by the sales, in the sale's own transaction). */
export interface OutboxEntry {
  id: string;
  seq?: number;
  kind: OutboxKind;
  op: 'upsert' | 'delete';
  baseRev: number | null;
  data: unknown;
  attempts: number;
  lastError: string | null;
}

/** A mutation the engine queues itself (mirror mode pushing the till's goods first). */
export interface QueuedMutation {
  id: string;
  kind: OutboxKind;
  op: 'upsert' | 'delete';
  data: unknown;
  baseRev?: number | null;
}

export type PageItem = PullLiveItem | PullTombstone;

/** One validated pull page and what moves with it. */
export interface PullPageWrite {
  category: Category;
  items: readonly PageItem[];
  /** Stored with the page; null keeps the stored checkpoint (a snapshot's pages before its last). */
  checkpoint: string | null;
  /** On the last page: the sync time to record, clearing the category's error. */
  completedAt: string | null;
  /** On a snapshot's last page: delete the category's back-office rows that neither `keep` nor
   * this page holds (local goods too when `mirror`). */
  prune: { keep: ReadonlySet<string>; mirror: boolean } | null;
}

/** A back-office record that won a conflict, written locally as a back-office row. */
export type ServerRecord = { kind: 'article'; data: Article } | { kind: 'articleGroup'; data: ArticleGroup } | { kind: 'client'; data: Client };

/** What the server's answer does to one pushed row. */
export type OutboxAck =
  | { id: string; outcome: 'rejected'; lastError: string; attempts: number }
  | {
      id: string;
      outcome: 'done';
      /** Written before the row goes (a conflict the back office won). */
      serverRecord?: ServerRecord;
      /** A till-created record the back office now has: its local row becomes a back-office row. */
      adopt?: { kind: 'article' | 'articleGroup' | 'client'; id: string };
    };

export interface SyncStore {
  getLink(): Promise<TillLink | undefined>;
  /** Read-modify-write of the link; `undefined` from `fn` leaves it as it is. */
  updateLink(fn: (link: TillLink | undefined) => TillLink | undefined): Promise<void>;

  /** The stored rows (a category never synced may have none). */
  getSyncStates(): Promise<SyncState[]>;
  getSyncState(category: Category): Promise<SyncState | undefined>;
  /** Read-modify-write of the sync states: the rows `fn` returns are stored. */
  updateSyncStates(fn: (rows: readonly SyncState[]) => SyncState[]): Promise<void>;
  /** Read-modify-write of the link and the sync states together (pairing). */
  updatePairing(fn: (link: TillLink | undefined, rows: readonly SyncState[]) => { link: TillLink; states: SyncState[] }): Promise<void>;

  /** Writes the page's rows, its checkpoint and its prune in one step. Returns the keys it wrote
   * (opaque: pass them back in a later page's `prune.keep`). */
  applyPullPage(page: PullPageWrite): Promise<Set<string>>;

  /** Up to `limit` outbox rows after `afterSeq`, in seq order. */
  readOutbox(afterSeq: number, limit: number): Promise<OutboxEntry[]>;
  countOutbox(): Promise<number>;
  acknowledge(acks: readonly OutboxAck[]): Promise<void>;

  getMirrorMode(): Promise<boolean>;
  setMirrorMode(on: boolean): Promise<void>;
  /** Goods created at this till that the back office does not have. */
  countLocalGoods(): Promise<number>;
  /** Deletes the local goods and turns mirror mode on; returns how many went. */
  enableMirrorDeletingLocalGoods(): Promise<number>;
  /** Queues the mutations `plan` makes from the local goods (and the ids of articles already in
   * the outbox) and turns mirror mode on; returns how many were queued. */
  enableMirrorQueueing(plan: (localGoods: Article[], queuedArticleIds: ReadonlySet<string>) => QueuedMutation[], now: string): Promise<number>;
}
