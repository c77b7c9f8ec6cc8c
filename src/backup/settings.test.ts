import { describe, expect, it } from 'vitest';
import { chooseMedium, isReminderDue, loadSettings, saveSettings } from './settings';
import { MemoryDirectoryHandle } from './destinations/memory-handle';
import { freshDb } from './test-fixtures';

describe('backup settings', () => {
  it('reminds after a day without backup unless backups are external or suspended', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    const base = { externalBackups: false, suspended: false };
    expect(isReminderDue(base, null, now)).toBe(true);
    expect(isReminderDue(base, '2026-11-22T11:00:00Z', now)).toBe(false);
    expect(isReminderDue(base, '2026-11-22T10:00:00Z', now)).toBe(true);
    expect(isReminderDue({ ...base, externalBackups: true }, null, now)).toBe(false);
    expect(isReminderDue({ ...base, suspended: true }, null, now)).toBe(false);
  });

  it('saves options and keeps the dedup secret', async () => {
    const db = freshDb();
    const first = await saveSettings(db, { compressionLevel: 9, dataSets: ['catalog'] });
    const again = await loadSettings(db);
    expect(again).toMatchObject({ compressionLevel: 9, dataSets: ['catalog'], set: null });
    expect(again.dedupSecret).toBe(first.dedupSecret);
  });

  it('keeps the always-available medium as the fallback of the back office', async () => {
    const db = freshDb();
    expect(await loadSettings(db)).toMatchObject({ medium: { kind: 'download' }, fallbackMedium: null });
    await chooseMedium(db, { kind: 'folder', handle: new MemoryDirectoryHandle('stick') });
    await chooseMedium(db, { kind: 'back-office' });
    expect(await loadSettings(db)).toMatchObject({ medium: { kind: 'back-office' }, fallbackMedium: { kind: 'folder', handle: { name: 'stick' } } });
    await chooseMedium(db, { kind: 'download' });
    expect(await loadSettings(db)).toMatchObject({ medium: { kind: 'download' }, fallbackMedium: null });
  });

  it('reads the medium of rows from before the media registry', async () => {
    const db = freshDb();
    await db.backupSettings.put({ id: 'backup', directory: { kind: 'directory', name: 'old stick' } });
    expect(await loadSettings(db)).toMatchObject({ medium: { kind: 'folder', handle: { name: 'old stick' } }, fallbackMedium: null });
    await db.settings.put({ key: 'backupMedium', value: 'back-office' });
    expect(await loadSettings(db)).toMatchObject({ medium: { kind: 'back-office' }, fallbackMedium: { kind: 'folder' } });
    expect(await loadSettings(db)).not.toHaveProperty('directory');
  });
});
