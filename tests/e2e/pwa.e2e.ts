// The till is an installable PWA: Chromium reports no installability error, the manifest has its
// name, display, colours and real 192/512/maskable PNG icons, a service worker controls start_url
// and start_url loads offline from it (Lighthouse 12 no longer has these checks: pwa-checks.ts).
// And Lighthouse's best-practices category has no failing audit (console errors, deprecations,
// inspector issues…); the noisy scores are for the bench (npm run bench audit), not asserted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startServer, type RunningServer } from './harness';
import { formatChecks, pngSize, pwaChecks } from './pwa-checks';
import { failingAudits, lighthouseOn } from '../bench/lighthouse';

describe('installable PWA', () => {
  let server: RunningServer;
  let context: BrowserContext;
  const profile = mkdtempSync(join(tmpdir(), 'pos-pwa-profile-'));

  beforeAll(async () => {
    server = await startServer();
    // A persistent profile: Chromium refuses to install from an incognito one ("in-incognito").
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      // Port 0: Chromium picks one and writes it to DevToolsActivePort, for Lighthouse.
      args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
      headless: true,
      viewport: { width: 1280, height: 800 },
      hasTouch: true,
      locale: 'en-GB',
      serviceWorkers: 'allow',
    });
  });
  afterAll(async () => {
    await context?.close();
    await server?.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it('passes every installability check, including start_url offline', async () => {
    const checks = await pwaChecks(context, server.url);
    expect(checks.map((c) => c.check)).toEqual(expect.arrayContaining([
      'no installability errors (Page.getInstallabilityErrors)',
      'maskable icon',
      'a service worker controls start_url',
      'start_url loads offline (200 from the service worker, app rendered)',
    ]));
    expect(formatChecks(checks.filter((c) => !c.ok))).toEqual([]);
  });

  it('has no failing Lighthouse best-practices audit', async () => {
    const port = Number(readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
    const lhr = await lighthouseOn(`${server.url}/`, port, ['best-practices']);
    expect(failingAudits(lhr, ['best-practices'])).toEqual([]);
    expect(lhr.categories['best-practices']?.score).toBe(1);
  });

  it('reads PNG sizes and rejects what is not a PNG', () => {
    const ihdr = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 192, 0, 0, 2, 0]);
    expect(pngSize(ihdr)).toEqual({ width: 192, height: 512 });
    expect(pngSize(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'))).toBeNull();
  });
});
