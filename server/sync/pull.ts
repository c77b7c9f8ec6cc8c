// GET /pull/:category — one page of changes after the till's checkpoint, in rev order.
import { CATEGORY_KINDS, type Category } from '@model';
import type { PullResponse } from '@model';
import { countLive, lastRev, pullRecords, type StoredRecord } from '../store/records';
import type { Sql } from '../store/sql';
import { decodeCheckpoint, encodeCheckpoint, type CheckpointKeys } from './checkpoint';

/** Live-row counts per category, valid while the change sequence has not moved. */
export type TotalsCache = Map<string, number>;

export interface PullInput {
  category: Category;
  cp: string | undefined;
  limit: number;
}

function toItem(r: StoredRecord): PullResponse['items'][number] {
  if (r.deleted) return { id: r.id, kind: r.kind, rev: r.rev, deleted: true, data: null };
  return { id: r.id, rev: r.rev, deleted: false, kind: r.kind, data: r.data } as PullResponse['items'][number];
}

export async function pullPage(sql: Sql, keys: CheckpointKeys, totals: TotalsCache, input: PullInput): Promise<PullResponse> {
  const kinds = CATEGORY_KINDS[input.category];
  const state = input.cp ? decodeCheckpoint(input.cp, keys, input.category) : null;
  const reset = input.cp !== undefined && state === null;
  const current = await lastRev(sql);
  // No (valid) checkpoint: a snapshot from the start, which needs no tombstones older than now.
  const from = state ?? { category: input.category, rev: 0, snapshot: current };
  const rows = await pullRecords(sql, kinds, from.rev, from.snapshot, input.limit + 1);
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  const lastSent = page.at(-1)?.rev ?? from.rev;
  // When a snapshot ends, every rev up to its horizon is committed and either sent or a skipped
  // tombstone, so the checkpoint may jump to the horizon and the snapshot flag is dropped.
  const next = hasMore
    ? { category: input.category, rev: lastSent, snapshot: from.snapshot }
    : { category: input.category, rev: Math.max(lastSent, from.snapshot), snapshot: 0 };
  const totalKey = `${input.category}@${current}`;
  let total = totals.get(totalKey);
  if (total === undefined) {
    total = await countLive(sql, kinds);
    if (totals.size > 64) totals.clear();
    totals.set(totalKey, total);
  }
  return {
    category: input.category,
    items: page.map(toItem),
    checkpoint: encodeCheckpoint(next, keys),
    hasMore,
    reset,
    total,
  };
}
