// Goods mirror mode (seed 003): on, the till's goods equal the back office's and goods created
// at the till are pushed; off, till-created goods stay local. Turning it on deletes local-only
// goods only after a confirmation, or pushes them first.
import { newId as defaultNewId } from '../../db/ids';
import type { OrgDatabase } from '../../db/schema';
import { MIRROR_KEY } from './link';
import { pushOutbox, type PushCounts } from './push';
import { enqueueMutation } from '../../db/outbox';
import type { EngineDeps, Result } from './types';

export async function isMirrorMode(db: OrgDatabase): Promise<boolean> {
  return (await db.settings.get(MIRROR_KEY))?.value === true;
}

/** Goods created at this till that the back office does not have. */
export function countLocalGoods(db: OrgDatabase): Promise<number> {
  return db.articles.where('origin').equals('local').count();
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
  const { db } = deps;
  if (!opts.confirm) return { ok: false, reason: 'confirmation-required', localGoods: await countLocalGoods(db) };
  const now = deps.clock.now().toISOString();
  if (opts.pushFirst) {
    const newId = opts.newId ?? defaultNewId;
    let queued = 0;
    await db.transaction('rw', [db.articles, db.outbox, db.settings], async () => {
      const local = await db.articles.where('origin').equals('local').toArray();
      const already = new Set((await db.outbox.where('kind').equals('article').toArray()).map((r) => (r.data as { id?: string }).id));
      for (const row of local) {
        if (already.has(row.id)) continue;
        const { origin: _o, nameKey: _n, words: _w, activeFlag: _a, ...data } = row;
        await enqueueMutation(db, { id: newId(), kind: 'article', op: 'upsert', data, baseRev: null }, now);
        queued += 1;
      }
      await db.settings.put({ key: MIRROR_KEY, value: true });
    });
    return { ok: true, deleted: 0, queued, push: await pushOutbox(deps) };
  }
  let deleted = 0;
  await db.transaction('rw', [db.articles, db.settings], async () => {
    deleted = await db.articles.where('origin').equals('local').delete();
    await db.settings.put({ key: MIRROR_KEY, value: true });
  });
  return { ok: true, deleted, queued: 0 };
}

export async function disableMirrorMode(db: OrgDatabase): Promise<void> {
  await db.settings.put({ key: MIRROR_KEY, value: false });
}
