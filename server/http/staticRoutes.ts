// Serves the built till (dist/) and admin page (dist/admin/) with SPA fallbacks. The service
// worker and HTML are never cached by the browser's HTTP cache (updates must be seen); hashed
// assets are immutable. Text files are gzipped (the till's first load and its service worker's
// precache are ~1 MB of JavaScript) and every file carries the security headers Lighthouse's
// best-practices audit looks for (tests/bench/lighthouse.ts).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';

/** The till's and admin page's Content-Security-Policy: everything from this origin; inline
 * styles (React's style attributes); data:/blob: images (barcodes, icons); blob: workers
 * (backup compression). No inline scripts: the built index.html files load modules only, and
 * vite-plugin-pwa's registration is imported, not injected (injectRegister: false). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const secure = secureHeaders({ xFrameOptions: 'DENY', strictTransportSecurity: 'max-age=31536000; includeSubDomains' });

/** Middleware of the static routes: gzip, and hono's secure headers — COOP same-origin, no
 * framing (X-Frame-Options DENY), nosniff, no referrer, and HSTS (honoured only over HTTPS,
 * which a tablet needs anyway: a service worker only runs in a secure context) — plus the CSP. */
export const staticMiddleware = {
  compress: compress(),
  headers: (async (c, next) => {
    await secure(c, async () => {
      await next();
      c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    });
  }) as MiddlewareHandler,
};

/** The API's answers: the same secure headers, and `no-store` unless a route chose otherwise —
 * they carry bearer tokens, receipts and the admin's data. */
export const apiHeaders: MiddlewareHandler = async (c, next) => {
  await secure(c, async () => {
    await next();
    if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
  });
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

function cacheControl(rel: string): string {
  const base = path.basename(rel);
  if (base === 'sw.js' || base.endsWith('.html') || base.endsWith('.webmanifest') || base.startsWith('workbox-')) return 'no-cache';
  if (rel.split('/').includes('assets')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

async function fileResponse(c: Context, root: string, rel: string): Promise<Response | null> {
  const full = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  try {
    const info = await stat(full);
    if (!info.isFile()) return null;
    const body = await readFile(full);
    return c.body(body, 200, {
      'content-type': TYPES[path.extname(full).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': cacheControl(rel),
    });
  } catch {
    return null;
  }
}

/** Serves `rel` from `root`, or index.html for extension-less (client-routed) paths. */
export async function serveSpa(c: Context, root: string, rel: string): Promise<Response> {
  const found = await fileResponse(c, root, rel === '' ? 'index.html' : rel);
  if (found) return found;
  if (path.extname(rel) === '') {
    const index = await fileResponse(c, root, 'index.html');
    if (index) return index;
    return c.text('Not built yet: run `npm run build` (and the admin build) first.', 404);
  }
  return c.text('Not found', 404);
}

export function decodePath(p: string): string | null {
  try {
    return decodeURIComponent(p);
  } catch {
    return null;
  }
}
