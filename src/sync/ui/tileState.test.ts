import { describe, expect, it } from 'vitest';
import { allTileView, tileView } from './tileState';
import type { CategoryStatus } from '../status';
import type { Category } from '@model';

const row = (category: Category, over: Partial<CategoryStatus> = {}): CategoryStatus => ({
  category,
  running: false,
  done: 0,
  total: 0,
  lastSyncedAt: null,
  lastError: null,
  periodSec: null,
  ...over,
});

describe('data update tiles', () => {
  it('shows a category that never synced as never', () => {
    expect(tileView(row('prices')).state).toBe('never');
  });
  it('shows progress while running, even over an old error', () => {
    expect(tileView(row('prices', { running: true, done: 5, total: 10, lastError: 'offline' }))).toMatchObject({ state: 'running', done: 5, total: 10 });
  });
  it('shows the error with its reason when the last run failed', () => {
    expect(tileView(row('clients', { lastError: 'offline', lastSyncedAt: '2026-01-01T00:00:00.000Z' }))).toMatchObject({ state: 'error', error: 'offline' });
  });
  it('folds every category into the All tile: oldest sync, summed progress', () => {
    const all = allTileView(
      {
        prices: row('prices', { lastSyncedAt: '2026-01-02T00:00:00.000Z' }),
        articles: row('articles', { lastSyncedAt: '2026-01-01T00:00:00.000Z', running: true, done: 3, total: 4 }),
      },
      ['prices', 'articles'],
    );
    expect(all).toMatchObject({ state: 'running', done: 3, total: 4, lastSyncedAt: '2026-01-01T00:00:00.000Z' });
  });
  it('says never for All while one category never synced', () => {
    expect(allTileView({ prices: row('prices', { lastSyncedAt: '2026-01-02T00:00:00.000Z' }) }, ['prices', 'articles']).lastSyncedAt).toBeNull();
  });
});
