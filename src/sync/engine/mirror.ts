// Goods mirror mode (seed 003): on, the till's goods equal the back office's and goods created
// at the till are pushed; off, till-created goods stay local. Turning it on deletes local-only
// goods only after a confirmation, or pushes them first.
import { newId as defaultNewId } from '../../db/ids';
import { pushOutbox, type PushCounts } from './push';
import type { SyncStore } from './store';
import type { EngineDeps, Result } from './types';

export function isMirrorMode(store: Pick<SyncStore, 'getMirrorMode'>): Promise<boolean> {
  return store.getMirrorMode();
}

/** Goods created at this till that the back office does not have. */
export function countLocalGoods(store: Pick<SyncStore, 'countLocalGoods'>): Promise<number> {
  return store.countLocalGoods();
}

export interface EnableMirrorOptions {
  confirm: boolean;
  /** Push the local goods (they become back-office goods) instead of deleting them. */
  pushFirst?: boolean;
  /** Ids for the mutations created when pushing first. */
  newId?: () => string;
}

export type EnableMirrorResult =
  | { ok: true; deleted: number; queued: number; push?: Result<PushCounts> }
  | { ok: false; reason: 'confirmation-required'; localGoods: number };

export async function enableMirrorMode(deps: EngineDeps, opts: EnableMirrorOptions): Promise<EnableMirrorResult> {
  const { store } = deps;
  if (!opts.confirm) return { ok: false, reason: 'confirmation-required', localGoods: await store.countLocalGoods() };
  const now = deps.clock.now().toISOString();
  if (opts.pushFirst) {
    const newId = opts.newId ?? defaultNewId;
    const queued = await store.enableMirrorQueueing(
      (local, already) => local.filter((good) => !already.has(good.id)).map((data) => ({ id: newId(), kind: 'article', op: 'upsert', data, baseRev: null })),
      now,
    );
    return { ok: true, deleted: 0, queued, push: await pushOutbox(deps) };
  }
  const deleted = await store.enableMirrorDeletingLocalGoods();
  return { ok: true, deleted, queued: 0 };
}

export async function disableMirrorMode(store: Pick<SyncStore, 'setMirrorMode'>): Promise<void> {
  await store.setMirrorMode(false);
}
