// Runs a bench module inside Debian's headless Chromium: Vite bundles the entry (Workers too),
// a localhost server serves it (a secure context for OPFS), and one exported function is called.
import { createServer } from 'node:http';
import { build } from 'vite';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';
import pkg from '../../package.json' with { type: 'json' };

async function bundle(entry: string): Promise<Map<string, string | Uint8Array>> {
  const out = (await build({
    configFile: false,
    logLevel: 'error',
    root: process.cwd(),
    define: { __APP_VERSION__: JSON.stringify(pkg.version) }, // APP_VERSION (src/sync/ui/appVersion.ts)
    build: { write: false, target: 'es2022', minify: false, lib: { entry, formats: ['es'], fileName: 'bench' }, rollupOptions: { external: [/^node:/, 'vite', 'playwright-core'] } },
    worker: { format: 'es' },
  })) as { output: { fileName: string; code?: string; source?: string | Uint8Array }[] }[];
  return new Map(out.flatMap((o) => o.output).map((f) => [`/${f.fileName}`, f.code ?? f.source ?? '']));
}

/** Injects a single-file bench bundle into a page already open on some origin (e.g. the real
 * back office, so the bench's fetches are same-origin), as `window.benchModule`. */
export async function loadBundle(page: Page, entry: string): Promise<void> {
  const files = await bundle(entry);
  const code = files.get('/bench.js');
  if (typeof code !== 'string' || files.size > 2) throw new Error(`${entry} must bundle to one file`);
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  await page.evaluate(async (u) => {
    (window as unknown as { benchModule: unknown }).benchModule = await import(u);
  }, url);
}

export async function callBench<T>(page: Page, fn: string, arg: unknown): Promise<T> {
  return (await page.evaluate(
    ([name, a]) => (window as unknown as { benchModule: Record<string, (x: unknown) => Promise<unknown>> }).benchModule[name as string]!(a),
    [fn, arg] as const,
  )) as T;
}

export async function runBundleInChromium<T>(entry: string, fn: string, arg: unknown): Promise<T> {
  const files = await bundle(entry);
  const html = '<!doctype html><script type="module">import * as b from "/bench.js"; window.benchModule = b;</script>';
  const server = createServer((req, res) => {
    const body = req.url === '/' ? html : files.get(req.url ?? '');
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': req.url === '/' ? 'text/html' : 'text/javascript' });
    res.end(body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && console.error(`[page] ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => 'benchModule' in window);
    return (await page.evaluate(
      ([name, a]) => (window as unknown as { benchModule: Record<string, (x: unknown) => Promise<unknown>> }).benchModule[name as string]!(a),
      [fn, arg] as const,
    )) as T;
  } finally {
    await browser.close();
    server.close();
  }
}

export { percentile, stats } from './stats';
