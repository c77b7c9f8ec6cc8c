// The one Dexie schema: a small registry database listing organizations, and one database per
// organization (seed 004: "an organization represents a database"). Services take a database
// as a parameter; nothing here opens a database at import time.
import Dexie, { type Table } from 'dexie';
import type {
  Article,
  ArticleGroup,
  Category,
  Client,
  Currency,
  Discount,
  Operator,
  Parameters,
  Price,
  PriceList,
  Receipt,
  Role,
  ShiftReport,
  OutboxKind,
} from '@model';
import { installChangeTracking, type BackupLayoutRow, type ChangeLogRow } from './changes';

/** Where a local record came from: the back office, or created at this till. */
export type Origin = 'erp' | 'local';

export interface ArticleRow extends Article {
  origin: Origin;
  /** Lower-cased name for the prefix index (Dexie's startsWithIgnoreCase scans; this is exact). */
  nameKey: string;
  /** Lower-cased words of the name, multi-entry, so "milk" finds "Fresh milk 1L". */
  words: string[];
  /** 0/1 indexed flag (IndexedDB cannot index booleans). */
  activeFlag: 0 | 1;
}
export interface GroupRow extends ArticleGroup {
  origin: Origin;
}
export interface ClientRow extends Client {
  origin: Origin;
  nameKey: string;
}
export interface ParametersRow extends Parameters {
  id: 'shop';
}

export interface StockMove {
  id: string;
  articleId: string;
  receiptId: string;
  qtyMilli: number;
  at: string;
}

export interface ShiftRow extends ShiftReport {
  status: 'open' | 'closed';
  cashMoves: { at: string; amount: number; reason: string; operatorId: string }[];
}

export interface ReceiptRow extends Receipt {
  /** Sequence within the till, for ordering and the next number. */
  seq: number;
}

export interface ParkedSale {
  id: string;
  parkedAt: string;
  operatorId: string;
  label: string;
  /** The serialised cart (domain Cart), opaque to storage. */
  cart: unknown;
}

export type { OutboxKind };
export interface OutboxRow {
  /** The mutation id: the idempotency key on the server. */
  id: string;
  /** Insertion order, so pushes keep the order sales were made in. */
  seq?: number;
  kind: OutboxKind;
  op: 'upsert' | 'delete';
  baseRev: number | null;
  data: unknown;
  createdAt: string;
  attempts: number;
  lastError: string | null;
}

export interface SyncStateRow {
  category: Category;
  checkpoint: string | null;
  /** Seconds between pulls; null = "Never". */
  periodSec: number | null;
  lastSyncedAt: string | null;
  lastError: string | null;
}

/** Small key/value settings of this organization's till (link, language, counters…). */
export interface SettingRow {
  key: string;
  value: unknown;
}

export interface BackupHistoryRow {
  id: string;
  startedAt: string;
  finishedAt: string | null;
  mediumId: string;
  mediumLabel: string;
  bytesWritten: number;
  totalBytes: number;
  durationMs: number;
  verified: 'none' | 'quick' | 'deep';
  ok: boolean;
  error: string | null;
}

export interface BackupSettingsRow {
  id: 'backup';
  [key: string]: unknown;
}

export class OrgDatabase extends Dexie {
  articles!: Table<ArticleRow, string>;
  articleGroups!: Table<GroupRow, string>;
  priceLists!: Table<PriceList, string>;
  prices!: Table<Price, string>;
  discounts!: Table<Discount, string>;
  currencies!: Table<Currency, string>;
  clients!: Table<ClientRow, string>;
  roles!: Table<Role, string>;
  operators!: Table<Operator, string>;
  parameters!: Table<ParametersRow, string>;
  receipts!: Table<ReceiptRow, string>;
  stockMoves!: Table<StockMove, string>;
  shifts!: Table<ShiftRow, string>;
  parked!: Table<ParkedSale, string>;
  outbox!: Table<OutboxRow, string>;
  syncState!: Table<SyncStateRow, string>;
  settings!: Table<SettingRow, string>;
  backupSettings!: Table<BackupSettingsRow, string>;
  backupHistory!: Table<BackupHistoryRow, string>;
  changeLog!: Table<ChangeLogRow, number>;
  backupLayouts!: Table<BackupLayoutRow, string>;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    // Strict durability: a committed sale is on disk before the till says so (ARCHITECTURE §2).
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      articles: 'id, sku, *barcodes, nameKey, *words, groupId, origin, activeFlag',
      articleGroups: 'id, parentId, origin',
      priceLists: 'id',
      prices: 'id, articleId, priceListId',
      discounts: 'id, scope, targetId',
      currencies: 'code',
      clients: 'id, nameKey, phone, cardNumber, origin',
      roles: 'id',
      operators: 'id, roleId',
      parameters: 'id',
      receipts: 'id, &number, seq, shiftId, createdAt, refundOf',
      stockMoves: 'id, articleId, receiptId',
      shifts: 'id, status, number',
      parked: 'id, parkedAt',
      outbox: 'id, &seq, kind',
      syncState: 'category',
      settings: 'key',
      backupSettings: 'id',
      backupHistory: 'id, startedAt',
    });
    // v2: change tracking for incremental backups. Writes before it are unknown, hence the marker.
    this.version(2)
      .stores({ changeLog: '++seq', backupLayouts: 'id' })
      .upgrade((tx) => tx.table('changeLog').add({ table: '*', keys: null } satisfies ChangeLogRow));
    installChangeTracking(this, Object.values(DATA_SETS).flat());
  }
}

/** The tables a backup "folder" (seed 001) is made of, and the order restore writes them. */
export const DATA_SETS = {
  catalog: ['articles', 'articleGroups'],
  prices: ['priceLists', 'prices', 'discounts', 'currencies'],
  clients: ['clients'],
  receipts: ['receipts', 'stockMoves', 'outbox'],
  shifts: ['shifts', 'parked'],
  settings: ['roles', 'operators', 'parameters', 'syncState', 'settings'],
} as const satisfies Record<string, readonly (keyof OrgDatabase & string)[]>;
export type DataSetName = keyof typeof DATA_SETS;

export interface OrganizationEntry {
  id: string;
  name: string;
  /** Dexie database name holding this organization's data. */
  dbName: string;
  createdAt: string;
  /** Companies/stores of this organization, as the back office sent them at pairing. */
  stores: { id: string; name: string }[];
  kind: 'demo' | 'paired' | 'restored';
}

export class RegistryDatabase extends Dexie {
  organizations!: Table<OrganizationEntry, string>;
  meta!: Table<SettingRow, string>;

  constructor(name = 'pos-registry', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({
      organizations: 'id, name, createdAt',
      meta: 'key',
    });
  }
}

export function orgDbName(orgId: string): string {
  return `pos-org-${orgId}`;
}

export function openOrgDatabase(orgId: string, options?: ConstructorParameters<typeof Dexie>[1]): OrgDatabase {
  return new OrgDatabase(orgDbName(orgId), options);
}

/**
 * The sync engine's connection: relaxed durability. Every page is written with its checkpoint in
 * one transaction, so a page lost in a power cut is simply pulled again; an outbox delete lost
 * the same way is resent and answered `duplicate`. Sales keep strict durability (OrgDatabase).
 */
export function openSyncDatabase(orgId: string): OrgDatabase {
  return new OrgDatabase(orgDbName(orgId), { chromeTransactionDurability: 'relaxed' });
}

/** Lower-case, accent-free key used by the name indexes. */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

export function nameWords(name: string): string[] {
  return [...new Set(searchKey(name).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))];
}

export function toArticleRow(a: Article, origin: Origin): ArticleRow {
  return { ...a, origin, nameKey: searchKey(a.name), words: nameWords(a.name), activeFlag: a.active ? 1 : 0 };
}

export function toClientRow(c: Client, origin: Origin): ClientRow {
  return { ...c, origin, nameKey: searchKey(c.name) };
}
