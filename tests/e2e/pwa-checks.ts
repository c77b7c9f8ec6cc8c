// The installable-PWA checks that Lighthouse 12 dropped (its PWA category is gone), done with
// Chromium itself through CDP: no installability errors, the manifest's fields and icons, a
// service worker controlling start_url, start_url loading offline from that worker, and
// `beforeinstallprompt`. Used by tests/e2e/pwa.e2e.ts (asserted) and the `audit` bench (printed).
// The context must be a persistent (non-incognito) one: Chromium never offers to install from an
// off-the-record profile and says so with the installability error `in-incognito`.
import { z } from 'zod';
import type { BrowserContext } from 'playwright-core';
import { TillPage } from './pages/TillPage';

export interface PwaCheck {
  check: string;
  ok: boolean;
  detail: string;
}

const ManifestIcon = z.object({
  src: z.string(),
  sizes: z.string().optional(),
  type: z.string().optional(),
  purpose: z.string().optional(),
});

const Manifest = z.object({
  name: z.string().optional(),
  short_name: z.string().optional(),
  start_url: z.string().optional(),
  scope: z.string().optional(),
  display: z.string().optional(),
  theme_color: z.string().optional(),
  background_color: z.string().optional(),
  icons: z.array(ManifestIcon).default([]),
});
type ManifestIcon = z.infer<typeof ManifestIcon>;

const CSS_HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const purposes = (icon: ManifestIcon) => (icon.purpose ?? 'any').split(/\s+/);

export async function pwaChecks(context: BrowserContext, baseUrl: string): Promise<PwaCheck[]> {
  const checks: PwaCheck[] = [];
  const add = (check: string, ok: boolean, detail: string) => checks.push({ check, ok, detail });
  const page = await context.newPage();
  try {
    await page.addInitScript(() => {
      const w = window as unknown as { installPrompts: number };
      w.installPrompts = 0;
      addEventListener('beforeinstallprompt', () => w.installPrompts++);
    });
    await page.goto(`${baseUrl}/`);
    await new TillPage(page).waitForServiceWorker();
    const cdp = await context.newCDPSession(page);

    const app = await cdp.send('Page.getAppManifest');
    const manifestUrl = app.url;
    add('manifest linked and parsed without errors', manifestUrl !== '' && app.errors.length === 0,
      manifestUrl === '' ? 'no <link rel="manifest">' : app.errors.map((e) => e.message).join('; ') || manifestUrl);
    const parsed = Manifest.safeParse(app.data ? JSON.parse(app.data) : {});
    if (!parsed.success) add('manifest fields have the right types', false, parsed.error.message);
    const manifest = parsed.success ? parsed.data : Manifest.parse({});
    add('manifest name and short_name', !!manifest.name && !!manifest.short_name, `name "${manifest.name ?? ''}", short_name "${manifest.short_name ?? ''}"`);
    add('manifest display standalone or fullscreen', manifest.display === 'standalone' || manifest.display === 'fullscreen', `display ${manifest.display ?? 'missing'}`);
    add('manifest theme_color and background_color', CSS_HEX.test(manifest.theme_color ?? '') && CSS_HEX.test(manifest.background_color ?? ''),
      `theme_color ${manifest.theme_color ?? 'missing'}, background_color ${manifest.background_color ?? 'missing'}`);
    const metaTheme = await page.locator('meta[name="theme-color"]').getAttribute('content').catch(() => null);
    add('<meta name="theme-color"> matches the manifest (themed address bar)', !!metaTheme && metaTheme.toLowerCase() === manifest.theme_color?.toLowerCase(), `meta ${metaTheme ?? 'missing'}`);

    // Icons: declared sizes, and the files really are PNGs of those sizes.
    const real = async (icon: ManifestIcon): Promise<string> => {
      const res = await context.request.get(new URL(icon.src, manifestUrl || baseUrl).href);
      const size = res.ok() ? pngSize(await res.body()) : null;
      return size ? `${size.width}x${size.height}` : `HTTP ${res.status()} not a PNG`;
    };
    for (const [label, size, purpose] of [['icon 192×192 (any)', '192x192', 'any'], ['icon 512×512 (any)', '512x512', 'any'], ['maskable icon', '', 'maskable']] as const) {
      const icon = manifest.icons.find((i) => purposes(i).includes(purpose) && (size === '' || (i.sizes ?? '').split(/\s+/).includes(size)));
      if (!icon) {
        add(label, false, 'not declared');
        continue;
      }
      const actual = await real(icon);
      const declared = (icon.sizes ?? '').split(/\s+/);
      add(label, declared.includes(actual), `${icon.src}: declared ${icon.sizes ?? '?'}, file ${actual}`);
    }

    const startUrl = new URL(manifest.start_url ?? '', manifestUrl || baseUrl);
    const scope = new URL(manifest.scope ?? '.', manifestUrl || baseUrl);
    add('start_url within scope', startUrl.href.startsWith(scope.href), `${startUrl.pathname} in ${scope.pathname}`);

    await page.goto(startUrl.href);
    const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    add('a service worker controls start_url', controller !== null, controller ?? 'no controller');

    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    add('no installability errors (Page.getInstallabilityErrors)', installabilityErrors.length === 0,
      installabilityErrors.map((e) => [e.errorId, ...e.errorArguments.map((a) => `${a.name}=${a.value}`)].join(' ')).join('; ') || 'none');

    const prompted = await page
      .waitForFunction(() => (window as unknown as { installPrompts: number }).installPrompts > 0, undefined, { timeout: 10_000 })
      .then(() => true, () => false);
    add('beforeinstallprompt fired (Chromium offers to install)', prompted, prompted ? 'fired' : 'not fired within 10 s');

    await context.setOffline(true);
    try {
      const label = 'start_url loads offline (200 from the service worker, app rendered)';
      const res = await page.reload().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
      if (res instanceof Error) add(label, false, res.message.split('\n')[0] ?? 'reload failed');
      else {
        const rendered = await page
          .waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, { timeout: 15_000 })
          .then(() => true, () => false);
        add(label, res?.status() === 200 && res.fromServiceWorker() && rendered,
          `status ${res?.status() ?? 'none'}, from service worker ${res?.fromServiceWorker() ?? false}, rendered ${rendered}`);
      }
    } finally {
      await context.setOffline(false);
    }
    await cdp.detach();
  } finally {
    await page.close();
  }
  return checks;
}

export function formatChecks(checks: PwaCheck[]): string[] {
  return checks.map((c) => `${c.ok ? 'pass' : 'FAIL'}  ${c.check} — ${c.detail}`);
}
