// Pairing from the till's screens: the install id (random, created once), a short device name,
// the engine's pair(), then the organization entry in the registry. Refusals become one of a
// few codes the screens translate (sync.refused.<code>).
import type { OrgDatabase, OrganizationEntry, RegistryDatabase } from '../../db/schema';
import { openOrgDatabase } from '../../db/schema';
import { createOrganization } from '../../db/organizations';
import { pair, type TillLink } from '../engine';
import type { FetchLike, SyncFailure } from '../engine/types';
import type { PairResponse } from '@model';
import { APP_VERSION } from '../../ui/appVersion';
import { syncStoreOf } from '../dexieStore';

export const INSTALL_ID_KEY = 'installId';

export type RefusedCode = 'invalid_code' | 'code_expired' | 'code_used' | 'rate_limited' | 'offline' | 'unknown';

export async function getInstallId(registry: RegistryDatabase, newId: () => string): Promise<string> {
  return registry.transaction('rw', registry.meta, async () => {
    const row = await registry.meta.get(INSTALL_ID_KEY);
    if (typeof row?.value === 'string') return row.value;
    const id = newId();
    await registry.meta.put({ key: INSTALL_ID_KEY, value: id });
    return id;
  });
}

/** "Chrome on Android", "Firefox on Windows"… from a user agent string. */
export function deviceNameFrom(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const os = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /CrOS/.test(userAgent)
            ? 'ChromeOS'
            : /Linux/.test(userAgent)
              ? 'Linux'
              : 'unknown';
  return `${browser} on ${os}`;
}

export function refusedCode(failure: SyncFailure): RefusedCode {
  if (failure.code === 'invalid_code' || failure.code === 'code_expired' || failure.code === 'code_used' || failure.code === 'rate_limited') return failure.code;
  if (failure.reason === 'rate-limited') return 'rate_limited';
  if (failure.reason === 'offline' || failure.reason === 'timeout' || failure.reason === 'server-error') return 'offline';
  if (failure.status === 404 || failure.status === 400) return 'invalid_code';
  return 'unknown';
}

export interface PairTillDeps {
  registry: RegistryDatabase;
  clock: { now(): Date };
  fetch: FetchLike;
  serverUrl: string;
  userAgent: string;
  newId: () => string;
  openDb?: (orgId: string) => OrgDatabase;
}

export type PairTillResult =
  | { ok: true; org: OrganizationEntry; db: OrgDatabase; link: TillLink; response: PairResponse }
  | { ok: false; code: RefusedCode; failure: SyncFailure };

export async function pairTill(deps: PairTillDeps, code: string): Promise<PairTillResult> {
  const installId = await getInstallId(deps.registry, deps.newId);
  const res = await pair(
    {
      fetch: deps.fetch,
      clock: deps.clock,
      serverUrl: deps.serverUrl,
      installId,
      deviceName: deviceNameFrom(deps.userAgent),
      appVersion: APP_VERSION,
      openStore: (id) => syncStoreOf((deps.openDb ?? openOrgDatabase)(id)),
    },
    code,
  );
  if (!res.ok) return { ok: false, code: refusedCode(res), failure: res };
  const { organization, stores } = res.response;
  const existing = await deps.registry.organizations.get(organization.id);
  const org = await createOrganization(deps.registry, {
    id: organization.id,
    name: organization.name,
    createdAt: existing?.createdAt ?? deps.clock.now().toISOString(),
    stores,
    kind: 'paired',
  });
  return { ok: true, org, db: res.store.db, link: res.link, response: res.response };
}
