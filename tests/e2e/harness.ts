// End-to-end harness: starts the real back office (tsx server/main.ts, PGlite in a temp folder)
// serving the built till, and launches Debian's headless Chromium through playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  adminPassword: string;
  process: ChildProcess;
  stop(): Promise<void>;
  log(): string;
}

/** Where to run: a fixed port and data folder let a test kill -9 the server and start it again on
 * the same address and database (tests/chaos); `keepDataDir` leaves the folder to the caller. */
export interface StartServerOptions {
  port?: number;
  dataDir?: string;
  keepDataDir?: boolean;
  /** The server's entry file (default server/main.ts; the benchmarks' tests/bench/bench-server.ts). */
  entry?: string;
}

export async function startServer(env: Record<string, string> = {}, opts: StartServerOptions = {}): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'pos-e2e-'));
  const adminPassword = 'e2e-admin-password';
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', opts.entry ?? 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_PASSWORD: adminPassword, DATABASE_URL: '', POS_DEMO: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${url}/`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    dataDir,
    adminPassword,
    process: child,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!opts.keepDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A 10" tablet in landscape by default. `bypassCSP` for tests that inject scripts (axe's
 * addScriptTag, the chaos and bench bundles' data: module URLs), which the pages' Content-Security-
 * Policy (script-src 'self') refuses; every other test runs the till under the real policy. */
export async function newTabletContext(
  browser: Browser,
  orientation: 'landscape' | 'portrait' = 'landscape',
  options: { bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  const viewport = orientation === 'landscape' ? { width: 1280, height: 800 } : { width: 800, height: 1280 };
  return browser.newContext({ viewport, hasTouch: true, locale: 'en-GB', serviceWorkers: 'allow', bypassCSP: options.bypassCSP ?? false });
}

/** A back office, a browser and one tablet page on it: what every end-to-end file starts with. */
export interface TillSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: import('playwright-core').Page;
  close(): Promise<void>;
}

export async function startTillSession(env: Record<string, string> = {}, options: { bypassCSP?: boolean } = {}): Promise<TillSession> {
  const server = await startServer(env);
  const browser = await launchBrowser();
  const context = await newTabletContext(browser, 'landscape', options);
  const page = await context.newPage();
  return {
    server,
    browser,
    context,
    page,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
