// Hands "Restore into <organization>" from the Organizations screen to the restore wizard: the
// hash route carries no argument, so the choice waits in sessionStorage until the wizard reads it.
const KEY = 'pos.backup.restoreTarget';

export function setRestoreTarget(orgId: string, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(KEY, orgId);
}

export function peekRestoreTarget(storage: Pick<Storage, 'getItem'> = sessionStorage): string | null {
  return storage.getItem(KEY);
}

export function clearRestoreTarget(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  storage.removeItem(KEY);
}
