// Runs a bench module inside Debian's headless Chromium: Vite bundles the entry (Workers too),
// a localhost server serves it (a secure context for OPFS), and one exported function is called.
import { createServer } from 'node:http';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/harness';

export async function runBundleInChromium<T>(entry: string, fn: string, arg: unknown): Promise<T> {
  const out = (await build({
    configFile: false,
    logLevel: 'error',
    root: process.cwd(),
    build: { write: false, target: 'es2022', minify: false, lib: { entry, formats: ['es'], fileName: 'bench' }, rollupOptions: { external: [/^node:/, 'vite', 'playwright-core'] } },
    worker: { format: 'es' },
  })) as { output: { fileName: string; code?: string; source?: string | Uint8Array }[] }[];
  const files = new Map(out.flatMap((o) => o.output).map((f) => [`/${f.fileName}`, f.code ?? f.source ?? '']));
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

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function stats(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95) };
}
