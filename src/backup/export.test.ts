import { describe, expect, it } from 'vitest';
import { inlineCodec } from './format/codec';
import { exportOrganizations, openBackupFile } from './export';
import { commitRestore, previewRestore } from './service';
import { dumpTables, freshDb, seedOrg, stepClock } from './test-fixtures';

describe('export wizard file', () => {
  it('holds several organizations, each restorable on its own', async () => {
    const a = freshDb('a');
    const b = freshDb('b');
    await seedOrg(a, { articles: 40, receipts: 5 });
    await seedOrg(b, { articles: 7, receipts: 60 });
    const file = await exportOrganizations(
      [{ db: a, organization: { id: 'A', name: 'Alpha' }, stores: [] }, { db: b, organization: { id: 'B', name: 'Beta' }, stores: [] }],
      { codec: inlineCodec, clock: stepClock(), password: 'pw', scryptLogN: 2 },
    );
    if (!file.ok) throw new Error(file.reason);
    const opened = await openBackupFile(file.value);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.roots).toEqual(['POS-Backup/A', 'POS-Backup/B']);
    const target = freshDb('t');
    const preview = await previewRestore(opened.value.reader('POS-Backup/B'), 'pw', target, { codec: inlineCodec });
    if (!preview.ok) throw new Error(preview.reason);
    expect(preview.value.organization.name).toBe('Beta');
    await commitRestore(target, preview.value);
    expect(await dumpTables(target)).toEqual(await dumpTables(b));
  });

  it('writes an unencrypted file when no password is given', async () => {
    const a = freshDb();
    await seedOrg(a, { articles: 5, receipts: 5 });
    const file = await exportOrganizations([{ db: a, organization: { id: 'A', name: 'A' }, stores: [] }], { codec: inlineCodec, clock: stepClock(), password: null });
    if (!file.ok) throw new Error(file.reason);
    const opened = await openBackupFile(file.value);
    if (!opened.ok) throw new Error(opened.reason);
    expect(opened.value.roots).toEqual(['POS-Backup']);
    expect(await opened.value.reader('POS-Backup').read('key.age')).toBeNull();
    expect((await previewRestore(opened.value.reader('POS-Backup'), '', freshDb(), { codec: inlineCodec })).ok).toBe(true);
  });
});
