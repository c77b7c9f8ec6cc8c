// The message protocol between the page and the backup Worker: the page's PackCodec posts a
// request per operation; the Worker answers with the result or the error's fixed code.
import { BackupError, type BackupFailure } from './format/types';
import type { PackCodec } from './format/codec';

type Op = keyof PackCodec;
export interface CodecRequest {
  id: number;
  op: Op;
  args: unknown[];
}
export type CodecResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; code: BackupFailure | 'bug'; message: string };

/** The Worker side: run one request on the inline codec. */
export async function handleCodecRequest(req: CodecRequest, codec: PackCodec): Promise<{ response: CodecResponse; transfer: ArrayBuffer[] }> {
  try {
    const fn = codec[req.op] as (...a: unknown[]) => Promise<unknown>;
    const value = await fn(...req.args);
    const transfer: ArrayBuffer[] = [];
    if (value instanceof Uint8Array && value.buffer instanceof ArrayBuffer) transfer.push(value.buffer);
    return { response: { id: req.id, ok: true, value }, transfer };
  } catch (e) {
    const code = e instanceof BackupError ? e.code : 'bug';
    return { response: { id: req.id, ok: false, code, message: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}

export interface PortLike {
  postMessage(message: CodecRequest, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: { data: CodecResponse }) => void): void;
}

/** The page side: a PackCodec whose every call runs in the Worker behind `port`. */
export function workerCodec(port: PortLike): PackCodec {
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  port.addEventListener('message', (ev) => {
    const res = ev.data;
    const p = pending.get(res.id);
    if (!p) return;
    pending.delete(res.id);
    if (res.ok) p.resolve(res.value);
    else if (res.code === 'bug') p.reject(new Error(res.message));
    else p.reject(new BackupError(res.code, res.message));
  });
  const call = <T>(op: Op, args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // Inputs are copied, not transferred: the caller may still hold them (dedup, read-back).
      port.postMessage({ id, op, args });
    });
  return {
    seal: (plain, level, recipient) => call('seal', [plain, level, recipient]),
    open: (stored, identity, maxBytes) => call('open', [stored, identity, maxBytes]),
    createKeySet: (password, logN) => call('createKeySet', [password, logN]),
    unlock: (keyAge, password) => call('unlock', [keyAge, password]),
  };
}
