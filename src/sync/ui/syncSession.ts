// One sync status + scheduler per open organization for the whole page (a module-level
// singleton, so the antenna, tiles and refresh buttons share it and React StrictMode's double
// mount does not start two schedulers). Opening another organization disposes the previous one.
import type { OrgDatabase } from '../../db/schema';
import { createSyncStatus, type RunningScheduler, type SyncStatus } from '../status';
import type { SyncTarget } from '../host/messages';

export interface SyncSession {
  orgId: string;
  status: SyncStatus;
  /** Started once the organization has an active link. */
  scheduler: RunningScheduler | null;
  requestSync(target: SyncTarget): Promise<void>;
}

type Factory = (orgId: string, db: OrgDatabase) => SyncStatus;

let current: SyncSession | null = null;
let factory: Factory = (orgId, db) => createSyncStatus(orgId, { db });

/** The page's session for this organization, created on first use. */
export function getSyncSession(orgId: string, db: OrgDatabase): SyncSession {
  if (current?.orgId === orgId) return current;
  disposeSyncSession();
  const status = factory(orgId, db);
  current = { orgId, status, scheduler: null, requestSync: (t) => status.requestSync(t) };
  return current;
}

/** Starts the scheduler (app-start sync, periods, push after sales) once per session. */
export function ensureScheduler(session: SyncSession): void {
  session.scheduler ??= session.status.startScheduler();
}

export function peekSyncSession(orgId: string): SyncSession | null {
  return current?.orgId === orgId ? current : null;
}

export function disposeSyncSession(): void {
  current?.status.dispose();
  current = null;
}

/** Tests swap the status factory (fake client and channel). */
export function setSyncStatusFactory(f: Factory | null): void {
  disposeSyncSession();
  factory = f ?? ((orgId, db) => createSyncStatus(orgId, { db }));
}
