// Called by the sale screen after each committed sale: push the outbox within seconds.
// A no-op when the organization has no running scheduler (demo shop, not paired yet).
import { peekSyncSession } from './syncSession';

export function notifyOutbox(orgId: string): void {
  peekSyncSession(orgId)?.scheduler?.notifyOutbox();
}
