// The backup Worker: scrypt, gzip and age encryption off the till's main thread.
import { inlineCodec } from './format/codec';
import { handleCodecRequest, type CodecRequest } from './worker-protocol';

const scope = self as unknown as {
  addEventListener(type: 'message', l: (ev: MessageEvent<CodecRequest>) => void): void;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

scope.addEventListener('message', (ev) => {
  void handleCodecRequest(ev.data, inlineCodec).then(({ response, transfer }) => scope.postMessage(response, transfer));
});
