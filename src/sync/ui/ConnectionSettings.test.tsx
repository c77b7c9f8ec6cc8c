// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OrgDatabase, RegistryDatabase, toArticleRow } from '../../db/schema';
import { anArticle, freshDb, NOW, pairWith } from '../testing/fixtures';
import { isMirrorMode, markUnpaired } from '../engine';
import { ConnectionSettings } from './ConnectionSettings';
import { setSyncStatusFactory } from './syncSession';
import { appValue, fakeStatus, initTestI18n, Wrapper } from './testing';
import { syncStoreOf } from '../dexieStore';

let db: OrgDatabase;
let registry: RegistryDatabase;
beforeAll(initTestI18n);
beforeEach(async () => {
  db = freshDb();
  registry = new RegistryDatabase(`reg-${Math.random().toString(36).slice(2)}`);
  setSyncStatusFactory(() => fakeStatus().status);
  await pairWith(null, db);
});
afterEach(async () => {
  cleanup();
  setSyncStatusFactory(null);
  await db.delete();
  await registry.delete();
});

const renderSettings = () => render(<Wrapper value={appValue(db, registry, 'paired')}><ConnectionSettings /></Wrapper>);

describe('Settings → Connection', () => {
  it('turning goods sync on says how many local goods go, and deletes them once confirmed', async () => {
    await db.articles.bulkPut([toArticleRow(anArticle(1), 'local'), toArticleRow(anArticle(2), 'local'), toArticleRow(anArticle(3), 'erp')]);
    renderSettings();
    const goodsSync = await screen.findByRole('switch', { name: 'Synchronise goods with the back office' });
    fireEvent.click(goodsSync);
    const confirm = await screen.findByRole('dialog', { name: 'Synchronise goods' });
    expect(confirm.textContent).toContain('Goods created at this till that will be deleted: 2.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect((goodsSync as HTMLInputElement).checked).toBe(true));
    expect(await db.articles.count()).toBe(1);
    expect(await isMirrorMode(syncStoreOf(db))).toBe(true);
  });
  it('offers to pair again when the back office revoked the till', async () => {
    await markUnpaired(syncStoreOf(db), NOW.toISOString());
    renderSettings();
    fireEvent.click(await screen.findByRole('button', { name: 'Pair again' }));
    expect(screen.getByRole('textbox', { name: 'Sync code' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The back office no longer recognises this till.');
  });
});
