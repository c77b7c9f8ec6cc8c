import { describe, expect, it } from 'vitest';
import { isReminderDue, loadSettings, saveSettings } from './settings';
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
});
