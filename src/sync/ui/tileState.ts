// Pure view of a "Mise à jour des données" tile from the status stream's per-category rows;
// the "All" tile folds every category (running if any runs, oldest last sync, first error).
import type { Category } from '@model';
import type { CategoryStatus } from '../status';

export type TileState = 'running' | 'error' | 'synced' | 'never';

export interface TileView {
  state: TileState;
  done: number;
  total: number;
  lastSyncedAt: string | null;
  error: string | null;
}

export function tileView(s: CategoryStatus | undefined): TileView {
  if (!s) return { state: 'never', done: 0, total: 0, lastSyncedAt: null, error: null };
  const state: TileState = s.running ? 'running' : s.lastError ? 'error' : s.lastSyncedAt ? 'synced' : 'never';
  return { state, done: s.done, total: s.total, lastSyncedAt: s.lastSyncedAt, error: s.lastError };
}

export function allTileView(statuses: Partial<Record<Category, CategoryStatus>>, categories: readonly Category[]): TileView {
  const views = categories.map((c) => tileView(statuses[c]));
  const running = views.some((v) => v.state === 'running');
  const error = views.find((v) => v.error)?.error ?? null;
  const times = views.map((v) => v.lastSyncedAt);
  const lastSyncedAt = times.includes(null) ? null : ((times as string[]).sort()[0] ?? null);
  const state: TileState = running ? 'running' : error ? 'error' : lastSyncedAt ? 'synced' : 'never';
  return {
    state,
    done: views.reduce((n, v) => n + v.done, 0),
    total: views.reduce((n, v) => n + v.total, 0),
    lastSyncedAt,
    error,
  };
}
