import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { antennaDisplay, antennaReason } from './antennaState';
import { toAntenna } from '../status';

const host = { syncing: false, offline: false, unpaired: false, rejected: 0 };

describe('antenna display state', () => {
  it('shows local for an organization without a back-office link', () => {
    expect(antennaDisplay(toAntenna(host, 0, false), false)).toBe('local');
  });
  it('pulses while a run goes, even with rows pending', () => {
    expect(antennaDisplay(toAntenna({ ...host, syncing: true }, 3, true), true)).toBe('syncing');
  });
  it('says synced only when nothing is pending and nothing failed', () => {
    expect(antennaDisplay(toAntenna(host, 0, true), true)).toBe('synced');
    expect(antennaDisplay(toAntenna(host, 2, true), true)).toBe('pending');
  });
  it('shows offline, error and unpaired with their reasons', () => {
    const off = toAntenna({ ...host, offline: true, reason: 'offline' }, 1, true);
    expect(antennaDisplay(off, true)).toBe('offline');
    expect(antennaReason(off)).toBe('offline');
    const err = toAntenna({ ...host, error: 'malformed-response', reason: 'malformed-response' }, 0, true);
    expect(antennaDisplay(err, true)).toBe('error');
    expect(antennaReason(err)).toBe('malformed-response');
    const revoked = toAntenna({ ...host, unpaired: true, reason: 'unauthorized' }, 1, true);
    expect(antennaDisplay(revoked, true)).toBe('unpaired');
    expect(antennaReason(revoked)).toBe('unauthorized');
  });
  it('is idle before the first status arrives', () => {
    expect(antennaDisplay(undefined, true)).toBe('idle');
  });
  it('never says synced while anything is pending, whatever the host reports', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 1000 }), (syncing, offline, unpaired, linked, pending) => {
        const s = toAntenna({ ...host, syncing, offline, unpaired }, pending, linked);
        expect(antennaDisplay(s, true)).not.toBe('synced');
      }),
    );
  });
});
