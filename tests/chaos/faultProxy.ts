// A fault-injecting HTTP proxy between the browser and the back office (the till only ever sees
// the proxy's origin). Sync requests (/api/v1/push and /api/v1/pull/*; pairing passes) can be answered 5xx without
// reaching the server, or forwarded and their answer thrown away after the server committed
// (the client socket is destroyed once the whole upstream answer is in). Everything else passes.
// A push can also be held at the proxy, so a test acts (kill the server, stop the service
// worker) while the till's request is in flight.
import { createServer, request as httpRequest, Agent, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultCounts {
  /** Sync requests seen (all outcomes). */
  syncRequests: number;
  /** Answered 5xx by the proxy (never reached the server). */
  answered5xx: number;
  /** Forwarded, answered 200 by the server, answer dropped. */
  droppedAfterCommit: number;
  /** The server was unreachable or died mid-request (socket destroyed). */
  upstreamFailures: number;
  /** Push requests forwarded and answered 200 to the till. */
  pushesDelivered: number;
}

export interface FaultSettings {
  /** Share of sync requests answered 5xx (0…1). */
  error5xxRate: number;
  /** Share of forwarded sync requests whose answer is dropped after the server answered. */
  dropRate: number;
}

export interface HeldRequest {
  path: string;
  /** Lets the request go on to the server. */
  release(): void;
}

export class FaultProxy {
  readonly counts: FaultCounts = { syncRequests: 0, answered5xx: 0, droppedAfterCommit: 0, upstreamFailures: 0, pushesDelivered: 0 };
  settings: FaultSettings = { error5xxRate: 0, dropRate: 0 };
  private holdWaiters: ((h: HeldRequest) => void)[] = [];
  private forwardedWaiters: ((path: string) => void)[] = [];
  private readonly agent = new Agent({ keepAlive: false });
  private server: Server | null = null;
  port = 0;

  constructor(
    private readonly upstreamPort: number,
    private readonly random: () => number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Resolves with the next push request, held until released. */
  holdNextPush(): Promise<HeldRequest> {
    return new Promise((resolve) => this.holdWaiters.push(resolve));
  }

  /** Resolves when the next push has been handed to the server (its body fully sent). */
  nextPushForwarded(): Promise<string> {
    return new Promise((resolve) => this.forwardedWaiters.push(resolve));
  }

  /** Forgets pending holdNextPush / nextPushForwarded calls (after the test stopped waiting). */
  cancelWaits(): void {
    this.holdWaiters = [];
    this.forwardedWaiters = [];
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const isPush = path.startsWith('/api/v1/push');
    const isSync = isPush || path.startsWith('/api/v1/pull/');
    const body = await readAll(req);
    if (isSync) {
      this.counts.syncRequests += 1;
      if (isPush && this.holdWaiters.length > 0) {
        const waiter = this.holdWaiters.shift()!;
        await new Promise<void>((release) => waiter({ path, release }));
      }
      if (this.random() < this.settings.error5xxRate) {
        this.counts.answered5xx += 1;
        const status = [500, 502, 503][Math.floor(this.random() * 3)]!;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'internal', message: 'chaos proxy: injected failure' } }));
        return;
      }
    }
    const drop = isSync && this.random() < this.settings.dropRate;
    const upstream = httpRequest(
      { host: '127.0.0.1', port: this.upstreamPort, method: req.method, path, headers: { ...req.headers, host: `127.0.0.1:${this.upstreamPort}` }, agent: this.agent },
      (up) => {
        void readAll(up).then(
          (answer) => {
            if (drop && up.statusCode === 200) {
              this.counts.droppedAfterCommit += 1;
              res.socket?.destroy();
              return;
            }
            if (isPush && up.statusCode === 200) this.counts.pushesDelivered += 1;
            const headers = { ...up.headers };
            delete headers['transfer-encoding'];
            headers['content-length'] = String(answer.length);
            res.writeHead(up.statusCode ?? 502, headers);
            res.end(answer);
          },
          () => this.upstreamDied(isSync, res),
        );
      },
    );
    upstream.on('error', () => this.upstreamDied(isSync, res));
    upstream.end(body, () => {
      if (isPush) for (const w of this.forwardedWaiters.splice(0)) w(path);
    });
  }

  private upstreamDied(isSync: boolean, res: ServerResponse): void {
    if (isSync) this.counts.upstreamFailures += 1;
    res.socket?.destroy();
  }
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
    stream.on('aborted', () => reject(new Error('aborted')));
  });
}
