// Graceful shutdown of the HTTP server: stop accepting connections, let requests in flight
// finish (their answers carry Connection: close), answer requests arriving on kept-alive
// connections with 503 + Connection: close, close idle connections as they become idle, and
// after `timeoutMs` close whatever is left.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

export interface DrainResult {
  /** Requests still running when the bound was reached (their connections were closed). */
  cut: number;
  timedOut: boolean;
  ms: number;
}

export interface Drainer {
  readonly draining: boolean;
  /** Requests being answered now. */
  readonly inFlight: number;
  attach(server: Server): void;
  /** Wraps the app's fetch: during the drain, every new request gets 503. */
  wrap<A extends unknown[]>(fetch: (req: Request, ...rest: A) => Response | Promise<Response>): (req: Request, ...rest: A) => Response | Promise<Response>;
  drain(server: Server, timeoutMs: number): Promise<DrainResult>;
}

export function createDrainer(): Drainer {
  let draining = false;
  const inFlight = new Set<ServerResponse>();
  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight.size;
    },
    attach(server) {
      // Before the app's listener, so the header is set before any answer starts.
      server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
        inFlight.add(res);
        res.once('close', () => inFlight.delete(res));
        if (draining && !res.headersSent) res.setHeader('connection', 'close');
      });
    },
    wrap(fetch) {
      return (req, ...rest) =>
        draining
          ? new Response(JSON.stringify({ error: { code: 'internal', message: 'the back office is shutting down; retry shortly' } }), {
              status: 503,
              headers: { 'content-type': 'application/json', connection: 'close', 'retry-after': '5', 'cache-control': 'no-store' },
            })
          : fetch(req, ...rest);
    },
    async drain(server, timeoutMs) {
      const started = Date.now();
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A connection whose answer went out before the drain started becomes idle later.
      const sweeper = setInterval(() => server.closeIdleConnections(), 50);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = await Promise.race([closed.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs)))]);
      clearTimeout(timer);
      clearInterval(sweeper);
      const cut = inFlight.size;
      if (timedOut) {
        server.closeAllConnections();
        await closed;
      }
      return { cut: timedOut ? cut : 0, timedOut, ms: Date.now() - started };
    },
  };
}
