// Change tracking: the v1 → v2 upgrade, and one changeLog row per write in the writer's transaction.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { changesSince, currentChangeSeq, MAX_LOGGED_KEYS, pruneChanges } from './changes';
import { OrgDatabase } from './schema';

const uniqueName = () => `changes-test-${Math.random().toString(36).slice(2)}`;

describe('change tracking', () => {
  it('upgrades a version-1 database, keeping its rows and marking every table as changed', async () => {
    const name = uniqueName();
    const v1 = new Dexie(name);
    v1.version(1).stores({ articles: 'id, sku, *barcodes, nameKey, *words, groupId, origin, activeFlag', settings: 'key' });
    await v1.table('settings').put({ key: 'lang', value: 'fr' });
    v1.close();

    const db = new OrgDatabase(name);
    expect(await db.settings.get('lang')).toEqual({ key: 'lang', value: 'fr' });
    expect(db.verno).toBe(2);
    expect((await changesSince(db, 0)).get('*')).toBeNull();
    db.close();
  });

  it('logs written and deleted keys per table with an increasing counter', async () => {
    const db = new OrgDatabase(uniqueName());
    const before = await currentChangeSeq(db);
    await db.settings.bulkPut([{ key: 'a', value: 1 }, { key: 'b', value: 2 }]);
    const mid = await currentChangeSeq(db);
    await db.settings.delete('a');
    await db.backupHistory.put({ id: 'h', startedAt: '', finishedAt: null, mediumId: '', mediumLabel: '', bytesWritten: 0, totalBytes: 0, durationMs: 0, verified: 'none', ok: true, error: null });
    expect(mid).toBeGreaterThan(before);
    expect([...((await changesSince(db, before)).get('settings') ?? [])].sort()).toEqual(['a', 'b']);
    expect([...((await changesSince(db, mid)).get('settings') ?? [])]).toEqual(['a']);
    // Backup bookkeeping is not part of any data set, so it is not tracked.
    expect((await changesSince(db, before)).has('backupHistory')).toBe(false);
    db.close();
  });

  it('logs a clear or a huge bulk as a whole-table change', async () => {
    const db = new OrgDatabase(uniqueName());
    const start = await currentChangeSeq(db);
    await db.settings.bulkPut(Array.from({ length: MAX_LOGGED_KEYS + 1 }, (_, i) => ({ key: `k${i}`, value: i })));
    expect((await changesSince(db, start)).get('settings')).toBeNull();
    const mid = await currentChangeSeq(db);
    await db.parameters.clear();
    expect((await changesSince(db, mid)).get('parameters')).toBeNull();
    db.close();
  });

  it('keeps the log row inside the writer transaction, and its counter across pruning', async () => {
    const db = new OrgDatabase(uniqueName());
    const start = await currentChangeSeq(db);
    await expect(
      db.transaction('rw', db.settings, async () => {
        await db.settings.put({ key: 'x', value: 1 });
        throw new Error('abort');
      }),
    ).rejects.toThrow();
    expect((await changesSince(db, start)).size).toBe(0);
    await db.settings.put({ key: 'y', value: 1 });
    const now = await currentChangeSeq(db);
    await pruneChanges(db, now);
    // The counter survives pruning, so later writes still sort after every snapshot taken.
    expect(await currentChangeSeq(db)).toBe(now);
    await db.settings.put({ key: 'z', value: 1 });
    expect([...((await changesSince(db, now)).get('settings') ?? [])]).toEqual(['z']);
    db.close();
  });
});
