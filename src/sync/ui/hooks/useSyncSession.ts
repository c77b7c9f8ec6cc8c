import { useEffect, useMemo } from 'react';
import { useApp } from '../../../ui/AppContext';
import { ensureScheduler, getSyncSession, type SyncSession } from '../syncSession';
import { useLink } from './useLink';

/** The page's sync session for the open organization, and its scheduler running once the
 * organization has an active link. null for a shop without a link (demo) or while loading. */
export function useSyncSession(): { session: SyncSession | null; linked: boolean | undefined; active: boolean } {
  const { org, db } = useApp();
  const link = useLink();
  const linked = link === undefined ? undefined : link !== null;
  const active = !!link && link.unpairedAt === null;
  const session = useMemo(() => (linked ? getSyncSession(org.id, db) : null), [linked, org.id, db]);
  useEffect(() => {
    if (session && active) ensureScheduler(session);
  }, [session, active]);
  return { session, linked, active };
}
