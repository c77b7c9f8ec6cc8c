// Graceful shutdown of the HTTP server. On drain: connections the kernel already queued are
// accepted first, then the listener closes (new connections are refused). A request the server
// is answering, or the first request of a connection opened before the drain (the client sent it
// before the shutdown), is answered normally with Connection: close. A further request on a
// kept-alive connection gets 503 + Connection: close. Kept-alive connections idle for
// DRAIN_IDLE_GRACE_MS are closed; after `timeoutMs` whatever is left is cut.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';

export interface DrainResult {
  /** Requests still running when the bound was reached (their connections were closed). */
  cut: number;
  /** Requests refused with 503 during the drain (reused kept-alive connections). */
  refused: number;
  timedOut: boolean;
  ms: number;
}

export interface Drainer {
  readonly draining: boolean;
  /** Requests being answered now. */
  readonly inFlight: number;
  attach(server: Server): void;
  /** Wraps the app's fetch (node-server passes `{ incoming }`): 503 for requests the drain refuses. */
  wrap<E>(fetch: (req: Request, env: E) => Response | Promise<Response>): (req: Request, env: E) => Response | Promise<Response>;
  drain(server: Server, timeoutMs: number): Promise<DrainResult>;
}

/** How long an idle connection (no request being answered) is kept open during a drain. */
export const DRAIN_IDLE_GRACE_MS = 1000;

interface Conn {
  active: number;
  served: number;
  /** Last time a request on it started or ended. */
  at: number;
}

export function createDrainer(): Drainer {
  let draining = false;
  let drainStarted = 0;
  let refused = 0;
  const conns = new Map<Socket, Conn>();
  const inFlight = new Set<ServerResponse>();
  const refuse = new WeakSet<IncomingMessage>();
  return {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight.size;
    },
    attach(server) {
      server.on('connection', (socket: Socket) => {
        conns.set(socket, { active: 0, served: 0, at: Date.now() });
        socket.once('close', () => conns.delete(socket));
      });
      // Before the app's listener, so the headers are set before any answer starts.
      server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
        const conn = conns.get(req.socket);
        if (conn) {
          conn.active++;
          conn.at = Date.now();
        }
        inFlight.add(res);
        res.once('close', () => {
          inFlight.delete(res);
          if (conn) {
            conn.active--;
            conn.served++;
            conn.at = Date.now();
          }
        });
        if (draining) {
          if (!res.headersSent) res.setHeader('connection', 'close');
          if (conn && conn.served > 0) {
            refuse.add(req);
            refused++;
          }
        }
      });
    },
    wrap(fetch) {
      return (req, env) =>
        (env as { incoming?: IncomingMessage } | undefined)?.incoming && refuse.has((env as { incoming: IncomingMessage }).incoming)
          ? new Response(JSON.stringify({ error: { code: 'internal', message: 'the back office is shutting down; retry shortly' } }), {
              status: 503,
              headers: { 'content-type': 'application/json', connection: 'close', 'retry-after': '5', 'cache-control': 'no-store' },
            })
          : fetch(req, env);
    },
    async drain(server, timeoutMs) {
      drainStarted = Date.now();
      draining = true;
      for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
      // Connections the kernel queued before the signal are accepted (one turn of the event
      // loop's poll phase) before the listener closes: closing it would reset them
      // (a timer, then setImmediate: it runs after the poll phase that accepts them).
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setImmediate(r));
      }
      // net.Server's close, not http.Server's: the latter also closes every connection without a
      // parsed request, which resets requests the busy event loop has accepted but not read yet.
      const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
      const sweep = () => {
        const now = Date.now();
        for (const [socket, c] of conns) {
          // A connection that never carried a request may hold one the loop has not read yet
          // (a blocked event loop runs timers before reading sockets): it waits for the bound.
          if (c.active === 0 && c.served > 0 && now - Math.max(c.at, drainStarted) >= DRAIN_IDLE_GRACE_MS) socket.destroy();
        }
      };
      const sweeper = setInterval(sweep, 100);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = await Promise.race([closed.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs)))]);
      clearTimeout(timer);
      clearInterval(sweeper);
      const cut = inFlight.size;
      if (timedOut) {
        for (const socket of conns.keys()) socket.destroy();
        await closed;
      }
      server.closeAllConnections();
      return { cut: timedOut ? cut : 0, refused, timedOut, ms: Date.now() - drainStarted };
    },
  };
}
