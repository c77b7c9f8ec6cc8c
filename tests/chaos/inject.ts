// Builds a test-only module (Vite, one file) once and injects it into till pages as
// `window.chaosModule`, the way tests/bench/chromium.ts loadBundle does; after a reload the page
// needs it injected again.
import { build } from 'vite';
import type { Page } from 'playwright-core';

export class PageBundle {
  private constructor(private readonly dataUrl: string) {}

  static async build(entry: string): Promise<PageBundle> {
    const out = (await build({
      configFile: false,
      logLevel: 'error',
      root: process.cwd(),
      build: { write: false, target: 'es2022', minify: false, lib: { entry, formats: ['es'], fileName: 'chaos' }, rollupOptions: { external: [/^node:/] } },
    })) as { output: { fileName: string; code?: string }[] }[];
    const files = out.flatMap((o) => o.output);
    const code = files.find((f) => f.fileName === 'chaos.js')?.code;
    if (typeof code !== 'string' || files.length > 1) throw new Error(`${entry} must bundle to one file`);
    return new PageBundle(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  }

  async inject(page: Page): Promise<void> {
    // A string, not a function: vitest would rewrite a dynamic import() inside a function.
    await page.evaluate(`import(${JSON.stringify(this.dataUrl)}).then((m) => { window.chaosModule = m; })`);
  }

  /** Calls an exported function of the bundle in the page (injecting it first if needed). */
  async call<T>(page: Page, fn: string, arg: unknown): Promise<T> {
    if (!(await page.evaluate(() => 'chaosModule' in window))) await this.inject(page);
    return (await page.evaluate(
      ([name, a]) => (window as unknown as { chaosModule: Record<string, (x: unknown) => Promise<unknown>> }).chaosModule[name as string]!(a),
      [fn, arg] as const,
    )) as T;
  }
}
