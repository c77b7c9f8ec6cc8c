// The codec the browser uses: the Worker when the platform has one, inline otherwise.
import { inlineCodec, type PackCodec } from './format/codec';
import { workerCodec, type PortLike } from './worker-protocol';

export function createBrowserCodec(): { codec: PackCodec; dispose(): void } {
  if (typeof Worker === 'undefined') return { codec: inlineCodec, dispose: () => undefined };
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'backup' });
  return { codec: workerCodec(worker as unknown as PortLike), dispose: () => worker.terminate() };
}
