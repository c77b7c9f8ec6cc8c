// POST /pair — trades a single-use sync code for a till id and a bearer token.
import type { Category } from '@model';
import { CATEGORIES, CATEGORY_SPECS } from '@model';
import type { PairRequest, PairResponse } from '@model';
import { randomId, randomToken, sha256Hex } from '../crypto';
import { getMeta } from '../store/meta';
import type { Database } from '../store/sql';
import { consumeSyncCode, insertTill } from '../store/tills';
import type { RateLimiter } from './rateLimit';

/** Default pull periods offered to a new till (seconds; null = only on demand), from the model. */
export const CATEGORY_PERIODS = Object.fromEntries(CATEGORIES.map((c) => [c, CATEGORY_SPECS[c].defaultPeriodSec])) as Record<Category, number | null>;

export interface Organization {
  id: string;
  name: string;
}

export type PairOutcome =
  | { ok: true; response: PairResponse }
  | { ok: false; code: 'invalid_code' | 'code_expired' | 'code_used' | 'rate_limited' };

export interface PairLimiters {
  limiter: RateLimiter;
  /** Attempts per minute: per client address, per install id, and in total. */
  perIp: number;
  perInstall: number;
  global: number;
}

export async function pairTill(db: Database, limiters: PairLimiters, ip: string, req: PairRequest, now: Date): Promise<PairOutcome> {
  // Reserved before the code is looked at; a successful pairing gives the attempts back.
  const reservation = await limiters.limiter.reserve([
    { key: `pair:ip:${ip}`, max: limiters.perIp },
    { key: `pair:install:${req.installId}`, max: limiters.perInstall },
    { key: 'pair:all', max: limiters.global },
  ]);
  if (!reservation) return { ok: false, code: 'rate_limited' };
  const token = randomToken();
  const tillId = randomId('till_');
  const outcome = await db.transaction(async (tx) => {
    const state = await consumeSyncCode(tx, req.code, now, tillId);
    if (state !== 'ok') return { ok: false as const, code: state };
    const till = await insertTill(
      tx,
      { id: tillId, tokenHash: sha256Hex(token), installId: req.installId, deviceName: req.deviceName, appVersion: req.appVersion },
      now,
    );
    return { ok: true as const, tillCode: till.code };
  });
  if (!outcome.ok) return outcome;
  await limiters.limiter.release(reservation);
  const organization = (await getMeta<Organization>(db, 'organization')) ?? { id: 'org', name: 'Back office' };
  const stores = (await getMeta<Organization[]>(db, 'stores')) ?? [];
  return {
    ok: true,
    response: {
      tillId,
      token,
      tillCode: outcome.tillCode,
      organization,
      stores,
      categories: CATEGORIES.map((name) => ({ name, periodSec: CATEGORY_PERIODS[name] })),
      serverTime: now.toISOString(),
    },
  };
}
