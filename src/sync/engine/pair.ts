// Pairing: trade a single-use sync code for the till's link, then store the link and the
// category periods. Re-pairing (a new code, another shop) keeps the outbox and the data.
import type { OrgDatabase } from '../../db/schema';
import { API_PREFIX, pairResponse, type PairResponse } from '@model';
import { emptySyncState, LINK_KEY, type TillLink } from './link';
import { requestJson } from './transport';
import type { EngineDeps, Result } from './types';

export interface PairDeps extends Pick<EngineDeps, 'fetch' | 'clock' | 'timeoutMs' | 'timers'> {
  /** Origin of the back office ('' or location.origin for the same origin). */
  serverUrl: string;
  installId: string;
  deviceName: string;
  appVersion: string;
  /** Opens the organization's database once the server said which organization this is. */
  openDb: (orgId: string) => OrgDatabase;
}

export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export async function pair(deps: PairDeps, code: string): Promise<Result<{ link: TillLink; db: OrgDatabase; response: PairResponse }>> {
  const serverUrl = deps.serverUrl.replace(/\/+$/, '');
  const body = { code: normalizeCode(code), installId: deps.installId, deviceName: deps.deviceName, appVersion: deps.appVersion };
  const res = await requestJson(deps, { method: 'POST', url: `${serverUrl}${API_PREFIX}/pair`, body }, pairResponse);
  if (!res.ok) {
    // A refused code is not a revoked till: report it with the server's code.
    return res.reason === 'unauthorized' ? { ...res, reason: 'http-error' } : res;
  }
  const response = res.value;
  const db = deps.openDb(response.organization.id);
  const link = await savePairing(db, serverUrl, response, deps.clock.now().toISOString());
  return { ok: true, link, db, response };
}

/** Stores the link and the default periods; keeps the outbox, checkpoints and existing periods. */
export async function savePairing(db: OrgDatabase, serverUrl: string, r: PairResponse, now: string): Promise<TillLink> {
  const link: TillLink = {
    serverUrl,
    tillId: r.tillId,
    token: r.token,
    tillCode: r.tillCode,
    organization: r.organization,
    stores: r.stores,
    pairedAt: now,
    unpairedAt: null,
  };
  await db.transaction('rw', db.settings, db.syncState, async () => {
    const previous = (await db.settings.get(LINK_KEY))?.value as TillLink | undefined;
    await db.settings.put({ key: LINK_KEY, value: link });
    // Another till identity means the server's checkpoints for the old one mean nothing here.
    const sameTill = previous?.tillId === r.tillId && previous.serverUrl === serverUrl;
    for (const c of r.categories) {
      const row = await db.syncState.get(c.name);
      if (!row) await db.syncState.put(emptySyncState(c.name, c.periodSec));
      else if (!sameTill) await db.syncState.put({ ...row, checkpoint: null, lastError: null });
    }
  });
  return link;
}
