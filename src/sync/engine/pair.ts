// Pairing: trade a single-use sync code for the till's link, then store the link and the
// category periods. Re-pairing (a new code, another shop) keeps the outbox and the data.
import { API_PREFIX, pairResponse, type PairResponse } from '@model';
import { emptySyncState, type TillLink } from './link';
import type { SyncState, SyncStore } from './store';
import { requestJson } from './transport';
import type { EngineDeps, Result } from './types';

export interface PairDeps<S extends SyncStore = SyncStore> extends Pick<EngineDeps, 'fetch' | 'clock' | 'timeoutMs' | 'timers'> {
  /** Origin of the back office ('' or location.origin for the same origin). */
  serverUrl: string;
  installId: string;
  deviceName: string;
  appVersion: string;
  /** Opens the organization's store once the server said which organization this is. */
  openStore: (orgId: string) => S;
}

export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export async function pair<S extends SyncStore>(deps: PairDeps<S>, code: string): Promise<Result<{ link: TillLink; store: S; response: PairResponse }>> {
  const serverUrl = deps.serverUrl.replace(/\/+$/, '');
  const body = { code: normalizeCode(code), installId: deps.installId, deviceName: deps.deviceName, appVersion: deps.appVersion };
  const res = await requestJson(deps, { method: 'POST', url: `${serverUrl}${API_PREFIX}/pair`, body }, pairResponse);
  if (!res.ok) {
    // A refused code is not a revoked till: report it with the server's code.
    return res.reason === 'unauthorized' ? { ...res, reason: 'http-error' } : res;
  }
  const response = res.value;
  const store = deps.openStore(response.organization.id);
  const link = await savePairing(store, serverUrl, response, deps.clock.now().toISOString());
  return { ok: true, link, store, response };
}

/** Stores the link and the default periods; keeps the outbox, checkpoints and existing periods. */
export async function savePairing(store: SyncStore, serverUrl: string, r: PairResponse, now: string): Promise<TillLink> {
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
  await store.updatePairing((previous, rows) => {
    // Another till identity means the server's checkpoints for the old one mean nothing here.
    const sameTill = previous?.tillId === r.tillId && previous.serverUrl === serverUrl;
    const states: SyncState[] = [];
    for (const c of r.categories) {
      const row = rows.find((s) => s.category === c.name);
      if (!row) states.push(emptySyncState(c.name, c.periodSec));
      else if (!sameTill) states.push({ ...row, checkpoint: null, lastError: null });
    }
    return { link, states };
  });
  return link;
}
