import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACK_OFFICE_URL, DEFAULT_PERIODS, withTestBackOffice } from '../testing/testBackOffice';
import { aReceipt, engineDeps, NOW } from '../testing/fixtures';
import { STORE_ADAPTERS, type StoreHarness } from '../testing/stores';
import { pair, type PairDeps } from './pair';
import { getLink, setPeriods } from './link';

const fake = withTestBackOffice();

describe.each(STORE_ADAPTERS)('pair (%s store)', (_name, createStore) => {
  let h: StoreHarness;
  let store: StoreHarness['store'];
  beforeEach(() => {
    h = createStore();
    store = h.store;
  });
  afterEach(async () => h.dispose());

  function pairDeps(): PairDeps {
    const base = engineDeps(store);
    return { ...base, serverUrl: `${BACK_OFFICE_URL}/`, installId: 'install-123', deviceName: 'Till 1', appVersion: '0.1.0', openStore: () => store };
  }

  it('stores the link and the default periods', async () => {
    await fake.current.issueCode('ABCD1234');
    const res = await pair(pairDeps(), 'abcd-1234');
    expect(res).toMatchObject({ ok: true, link: { tillId: expect.stringMatching(/^till_/), serverUrl: BACK_OFFICE_URL, unpairedAt: null } });
    expect(await getLink(store)).toMatchObject({ tillCode: 'T1', organization: { id: 'org1' } });
    expect(await h.get('syncState', 'prices')).toMatchObject({ periodSec: DEFAULT_PERIODS.prices, checkpoint: null });
  });

  it('reports a refused code by its server code, storing nothing', async () => {
    const res = await pair(pairDeps(), 'WRONG1');
    expect(res).toMatchObject({ ok: false, reason: 'http-error', code: 'invalid_code' });
    expect(await getLink(store)).toBeUndefined();
  });

  it('re-pairing keeps the outbox and the chosen periods', async () => {
    await fake.current.issueCode('FIRST1');
    await fake.current.issueCode('SECOND2');
    await pair(pairDeps(), 'FIRST1');
    await setPeriods(store, { prices: 300 });
    await h.enqueue({ id: 'm1', kind: 'receipt', op: 'upsert', data: aReceipt(1) }, NOW.toISOString());
    const first = await getLink(store);
    const res = await pair(pairDeps(), 'SECOND2');
    expect(res).toMatchObject({ ok: true, link: { tillId: expect.stringMatching(/^till_/) } });
    expect(res.ok && res.link.tillId).not.toBe(first?.tillId);
    expect(await h.count('outbox')).toBe(1);
    expect((await h.get('syncState', 'prices'))?.periodSec).toBe(300);
  });

  it('is offline when the network is down', async () => {
    fake.current.faults.pair.push('offline');
    expect(await pair(pairDeps(), 'ABCD1234')).toMatchObject({ ok: false, reason: 'offline' });
  });
});
