// Builds a test-only module (Vite, one file) once and injects it into till pages as
// `window[<its key>]` (one key per entry, so several bundles share a page), the way
// tests/bench/chromium.ts loadBundle does; after a reload the page needs it injected again.
import { basename } from 'node:path';
import { build } from 'vite';
import { aliases } from '../../aliases';
import type { Page } from 'playwright-core';

export class PageBundle {
  private constructor(
    private readonly dataUrl: string,
    private readonly key: string,
  ) {}

  static async build(entry: string): Promise<PageBundle> {
    const out = (await build({
      configFile: false,
      resolve: { alias: aliases },
      logLevel: 'error',
      root: process.cwd(),
      build: { write: false, target: 'es2022', minify: false, lib: { entry, formats: ['es'], fileName: 'chaos' }, rollupOptions: { external: [/^node:/] } },
    })) as { output: { fileName: string; code?: string }[] }[];
    const files = out.flatMap((o) => o.output);
    const code = files.find((f) => f.fileName === 'chaos.js')?.code;
    if (typeof code !== 'string' || files.length > 1) throw new Error(`${entry} must bundle to one file`);
    return new PageBundle(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`, `chaos_${basename(entry, '.ts')}`);
  }

  async inject(page: Page): Promise<void> {
    // A string, not a function: vitest would rewrite a dynamic import() inside a function.
    await page.evaluate(`import(${JSON.stringify(this.dataUrl)}).then((m) => { window[${JSON.stringify(this.key)}] = m; })`);
  }

  /** Calls an exported function of the bundle in the page (injecting it first if needed). */
  async call<T>(page: Page, fn: string, arg: unknown): Promise<T> {
    if (!(await page.evaluate((k) => k in window, this.key))) await this.inject(page);
    return (await page.evaluate(
      ([key, name, a]) => (window as unknown as Record<string, Record<string, (x: unknown) => Promise<unknown>>>)[key as string]![name as string]!(a),
      [this.key, fn, arg] as const,
    )) as T;
  }
}
