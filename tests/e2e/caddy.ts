// Runs the deploy recipes' Caddyfiles (deploy/) on loopback for the end-to-end tests, and gives a
// tablet profile that trusts Caddy's local certificate authority the way a shop's tablet would
// (the root certificate imported into the browser's certificate store, nothing ignored).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, freePort } from './harness';

export interface RunningCaddy {
  /** https://HOST:PORT */
  url: string;
  host: string;
  httpsPort: number;
  /** PEM of the local CA's root certificate (what a tablet is told to trust). */
  rootCa: string;
  process: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

export interface CaddyOptions {
  /** deploy/Caddyfile.lan or deploy/Caddyfile.internet */
  caddyfile: string;
  host: string;
  upstreams: string[];
  /** Extra environment (e.g. POS_CADDY_OPTIONS=local_certs for the internet recipe). */
  env?: Record<string, string>;
}

/** GET through HTTPS trusting only `ca`; resolves with the status (throws on TLS errors). */
export function httpsStatus(url: string, ca: string, host: string): Promise<number> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: u.port, path: u.pathname, servername: host, headers: { host: u.host }, ca }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

export async function startCaddy(options: CaddyOptions): Promise<RunningCaddy> {
  const dir = mkdtempSync(join(tmpdir(), 'pos-caddy-'));
  const [httpsPort, httpPort, adminPort] = [await freePort(), await freePort(), await freePort()];
  let output = '';
  const child = spawn('caddy', ['run', '--config', options.caddyfile, '--adapter', 'caddyfile'], {
    env: {
      ...process.env,
      HOME: dir,
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      POS_HOST: options.host,
      POS_DOMAIN: options.host,
      POS_UPSTREAMS: options.upstreams.join(' '),
      POS_HTTPS_PORT: String(httpsPort),
      POS_HTTP_PORT: String(httpPort),
      POS_CADDY_ADMIN: `127.0.0.1:${adminPort}`,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const rootPath = join(dir, 'data', 'caddy', 'pki', 'authorities', 'local', 'root.crt');
  const url = `https://${options.host}:${httpsPort}`;
  const deadline = Date.now() + 30_000;
  let rootCa = '';
  for (;;) {
    if (child.exitCode !== null) throw new Error(`caddy exited ${child.exitCode}:\n${output}`);
    if (!rootCa && existsSync(rootPath)) rootCa = readFileSync(rootPath, 'utf8');
    if (rootCa) {
      try {
        if ((await httpsStatus(`${url}/api/v1/ready`, rootCa, options.host)) === 200) break;
      } catch {
        // the site's certificate is not issued yet
      }
    }
    if (Date.now() > deadline) throw new Error(`caddy did not serve ${url}:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    host: options.host,
    httpsPort,
    rootCa,
    process: child,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A Chromium whose profile trusts `rootCa` (imported with NSS's certutil into $HOME/.pki/nssdb, the
 * store Chromium reads on Linux) and resolves `host` to loopback. Nothing is ignored: a page on an
 * origin with any other certificate fails as it would on a tablet.
 */
export async function launchTabletTrusting(host: string, rootCa: string | null): Promise<{ browser: Browser; close(): Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'pos-tablet-'));
  const nss = join(home, '.pki', 'nssdb');
  mkdirSync(nss, { recursive: true });
  const run = (args: string[], input?: string) => {
    const r = spawnSync('certutil', args, { input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`certutil ${args.join(' ')}: ${r.stderr}`);
  };
  run(['-d', `sql:${nss}`, '-N', '--empty-password']);
  if (rootCa) run(['-d', `sql:${nss}`, '-A', '-t', 'C,,', '-n', 'Shop local CA', '-a'], rootCa);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${host} 127.0.0.1`],
    env: { ...process.env, HOME: home },
    headless: true,
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
