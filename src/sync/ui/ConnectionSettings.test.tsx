// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { OrgDatabase, RegistryDatabase, toArticleRow } from '../../db/schema';
import { anArticle, freshDb, NOW, pairWith } from '../testing/fixtures';
import { isMirrorMode, markUnpaired } from '../engine';
import { ConnectionSettings } from './ConnectionSettings';
import { setSyncStatusFactory } from './syncSession';
import { appValue, fakeStatus, initTestI18n, Wrapper } from './testing';

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
    fireEvent.click(await screen.findByTestId('goods-sync-switch'));
    expect((await screen.findByTestId('goods-sync-count')).dataset.count).toBe('2');
    fireEvent.click(screen.getByTestId('goods-sync-confirm-delete'));
    await waitFor(() => expect(screen.getByTestId('goods-sync').dataset.state).toBe('on'));
    expect(await db.articles.count()).toBe(1);
    expect(await isMirrorMode(db)).toBe(true);
  });
  it('offers to pair again when the back office revoked the till', async () => {
    await markUnpaired(db, NOW.toISOString());
    renderSettings();
    fireEvent.click(await screen.findByTestId('pair-again'));
    expect(screen.getByTestId('sync-code')).toBeTruthy();
    expect(screen.getByTestId('connection-settings').dataset.state).toBe('unpaired');
  });
});
