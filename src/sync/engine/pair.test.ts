import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACK_OFFICE_URL, withTestBackOffice } from '../testing/testBackOffice';
import { aReceipt, engineDeps, freshDb, NOW } from '../testing/fixtures';
import type { OrgDatabase } from '../../db/schema';
import { enqueueMutation } from '../outbox';
import { pair, type PairDeps } from './pair';
import { getLink, setPeriods } from './link';
import { CATEGORY_PERIODS } from '../../../server/sync/pair';

const fake = withTestBackOffice();
let db: OrgDatabase;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => db.delete());

function pairDeps(): PairDeps {
  const base = engineDeps(db);
  return { ...base, serverUrl: `${BACK_OFFICE_URL}/`, installId: 'install-123', deviceName: 'Till 1', appVersion: '0.1.0', openDb: () => db };
}

describe('pair', () => {
  it('stores the link and the default periods', async () => {
    await fake.current.issueCode('ABCD1234');
    const res = await pair(pairDeps(), 'abcd-1234');
    expect(res).toMatchObject({ ok: true, link: { tillId: expect.stringMatching(/^till_/), serverUrl: BACK_OFFICE_URL, unpairedAt: null } });
    expect(await getLink(db)).toMatchObject({ tillCode: 'T1', organization: { id: 'org1' } });
    expect(await db.syncState.get('prices')).toMatchObject({ periodSec: CATEGORY_PERIODS.prices, checkpoint: null });
  });

  it('reports a refused code by its server code, storing nothing', async () => {
    const res = await pair(pairDeps(), 'WRONG1');
    expect(res).toMatchObject({ ok: false, reason: 'http-error', code: 'invalid_code' });
    expect(await getLink(db)).toBeUndefined();
  });

  it('re-pairing keeps the outbox and the chosen periods', async () => {
    await fake.current.issueCode('FIRST1');
    await fake.current.issueCode('SECOND2');
    await pair(pairDeps(), 'FIRST1');
    await setPeriods(db, { prices: 300 });
    await db.transaction('rw', [db.outbox, db.settings], () =>
      enqueueMutation(db, { id: 'm1', kind: 'receipt', op: 'upsert', data: aReceipt(1) }, NOW.toISOString()),
    );
    const first = await getLink(db);
    const res = await pair(pairDeps(), 'SECOND2');
    expect(res).toMatchObject({ ok: true, link: { tillId: expect.stringMatching(/^till_/) } });
    expect(res.ok && res.link.tillId).not.toBe(first?.tillId);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.syncState.get('prices'))?.periodSec).toBe(300);
  });

  it('is offline when the network is down', async () => {
    fake.current.faults.pair.push('offline');
    expect(await pair(pairDeps(), 'ABCD1234')).toMatchObject({ ok: false, reason: 'offline' });
  });
});
