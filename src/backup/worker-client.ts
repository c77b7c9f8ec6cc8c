// The codec the browser uses: a few Workers when the platform has them (seal/open spread
// round-robin, so compression and encryption use spare cores), inline otherwise.
import { inlineCodec, type PackCodec } from './format/codec';
import { workerCodec, type PortLike } from './worker-protocol';

/** Spreads pack work over several codecs; key operations go to the first. */
export function roundRobin(codecs: readonly PackCodec[]): PackCodec {
  const first = codecs[0];
  if (!first) throw new Error('roundRobin needs at least one codec');
  let next = 0;
  const pick = () => codecs[next++ % codecs.length] ?? first;
  return {
    seal: (plain, level, recipient) => pick().seal(plain, level, recipient),
    open: (stored, identity, maxBytes) => pick().open(stored, identity, maxBytes),
    createKeySet: (password, logN) => first.createKeySet(password, logN),
    unlock: (keyAge, password) => first.unlock(keyAge, password),
  };
}

export function createBrowserCodec(workers = defaultWorkerCount()): { codec: PackCodec; dispose(): void } {
  if (typeof Worker === 'undefined') return { codec: inlineCodec, dispose: () => undefined };
  const pool = Array.from({ length: workers }, (_, i) => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: `backup-${i}` }));
  return {
    codec: roundRobin(pool.map((w) => workerCodec(w as unknown as PortLike))),
    dispose: () => pool.forEach((w) => w.terminate()),
  };
}

/** Leave a core for the till's UI: 1 Worker on 2 cores, up to 3 on bigger machines. */
function defaultWorkerCount(): number {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(3, cores - 1));
}
