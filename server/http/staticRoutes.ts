// Serves the built till (dist/) and admin page (dist/admin/) with SPA fallbacks. The service
// worker and HTML are never cached by the browser's HTTP cache (updates must be seen); hashed
// assets are immutable.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from 'hono';

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
