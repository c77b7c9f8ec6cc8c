import { describe, expect, it } from 'vitest';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint';

const keys = { epoch: 'epoch-1', secret: 'secret-1' };
const state = { category: 'articles' as const, rev: 42, snapshot: 7 };

describe('checkpoints', () => {
  it('round-trips its state', () => {
    expect(decodeCheckpoint(encodeCheckpoint(state, keys), keys, 'articles')).toEqual(state);
  });

  it('refuses a checkpoint whose payload was edited', () => {
    const [, sig] = encodeCheckpoint(state, keys).split('.');
    const forged = Buffer.from(JSON.stringify({ v: 1, c: 'articles', r: 0, s: 0, e: 'epoch-1' })).toString('base64url');
    expect(decodeCheckpoint(`${forged}.${sig}`, keys, 'articles')).toBeNull();
  });

  it('refuses a checkpoint from another database epoch or secret', () => {
    const cp = encodeCheckpoint(state, keys);
    expect(decodeCheckpoint(cp, { ...keys, epoch: 'epoch-2' }, 'articles')).toBeNull();
    expect(decodeCheckpoint(cp, { ...keys, secret: 'other' }, 'articles')).toBeNull();
  });

  it('refuses a checkpoint of another category and garbage', () => {
    expect(decodeCheckpoint(encodeCheckpoint(state, keys), keys, 'prices')).toBeNull();
    for (const junk of ['', '.', 'a.b.c', 'abc', '%%%.%%%']) expect(decodeCheckpoint(junk, keys, 'articles')).toBeNull();
  });

  it('stays within the protocol limit of 200 characters for large revs', () => {
    expect(encodeCheckpoint({ category: 'parameters', rev: Number.MAX_SAFE_INTEGER, snapshot: Number.MAX_SAFE_INTEGER }, keys).length).toBeLessThanOrEqual(200);
  });
});
