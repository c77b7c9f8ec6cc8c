import { describe, expect, it } from 'vitest';
import { inlineCodec } from './format/codec';
import { handleCodecRequest, workerCodec, type CodecRequest, type CodecResponse, type PortLike } from './worker-protocol';

/** A port pair that runs the Worker side in-process, with structured cloning like postMessage. */
function loopbackPort(): PortLike {
  const listeners: ((ev: { data: CodecResponse }) => void)[] = [];
  return {
    postMessage: (req: CodecRequest) => {
      void handleCodecRequest(structuredClone(req), inlineCodec).then(({ response }) => {
        for (const l of listeners) l({ data: structuredClone(response) });
      });
    },
    addEventListener: (_type, l) => listeners.push(l),
  };
}

describe('worker codec protocol', () => {
  it('seals, opens and unlocks through messages', async () => {
    const codec = workerCodec(loopbackPort());
    const keys = await codec.createKeySet('pw', 2);
    const sealed = await codec.seal(new TextEncoder().encode('hello'), 6, keys.recipient);
    expect(new TextDecoder().decode(await codec.open(sealed, keys.identity))).toBe('hello');
    expect(await codec.unlock(keys.keyAge, 'pw')).toBe(keys.identity);
    expect(await codec.unlock(keys.keyAge, 'nope')).toBeNull();
  });

  it('carries a BackupError code across the boundary', async () => {
    const codec = workerCodec(loopbackPort());
    const keys = await codec.createKeySet('pw', 2);
    await expect(codec.open(new Uint8Array([1, 2, 3]), keys.identity)).rejects.toMatchObject({ code: 'damaged' });
  });
});

describe('round-robin codec', () => {
  it('spreads seals over the workers and still opens every pack', async () => {
    const { roundRobin } = await import('./worker-client');
    const calls: number[] = [];
    const counted = (i: number) => ({ ...inlineCodec, seal: (...a: Parameters<typeof inlineCodec.seal>) => (calls.push(i), inlineCodec.seal(...a)) });
    const codec = roundRobin([counted(0), counted(1)]);
    const keys = await codec.createKeySet('pw', 2);
    const sealed = await Promise.all([1, 2, 3, 4].map((n) => codec.seal(new Uint8Array([n]), 1, keys.recipient)));
    expect(calls).toEqual([0, 1, 0, 1]);
    expect(await Promise.all(sealed.map(async (s) => [...(await codec.open(s, keys.identity))]))).toEqual([[1], [2], [3], [4]]);
  });
});
