// `npm run bench audit`: Lighthouse 12 on the built till served by the real back office, in
// Debian's Chromium launched here with a remote-debugging port (no chrome-launcher), then the
// installable-PWA checks Lighthouse 12 no longer has, done through CDP in the same browser.
// Lighthouse 12 because 13 declares Node 22 and this project runs on Node 20; 12 removed the PWA
// category, hence tests/e2e/pwa-checks.ts.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startServer } from '../e2e/harness';
import { formatChecks, pwaChecks, type PwaCheck } from '../e2e/pwa-checks';

const CATEGORIES = ['performance', 'best-practices', 'accessibility', 'seo'] as const;
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
/** Lighthouse's report shows an audit as passed from this score up. */
const PASS = 0.9;

export interface AuditFigures {
  url: string;
  lighthouseVersion: string;
  scores: Record<string, number | null>;
  metrics: string[];
  failing: string[];
  /** Informative best-practices findings (no score): missing CSP, COOP, framing policy, HSTS. */
  findings: string[];
  warnings: string[];
  pwa: PwaCheck[];
}

/** Debian's Chromium on a fresh profile, with the DevTools port it picked. */
async function launchChromium(profile: string): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(CHROMIUM, ['--headless', ...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port:\n${err}`)), 30_000);
    child.stderr?.on('data', (d) => {
      err += String(d);
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited ${code}:\n${err}`));
    });
  });
  return { port, child };
}

/** One Lighthouse run (desktop preset) in the Chromium listening on `port`. */
export async function lighthouseOn(url: string, port: number, categories: readonly string[] = CATEGORIES): Promise<Result> {
  // The desktop preset: a till is a tablet on the shop's LAN, not a phone on slow 4G.
  const run = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: [...categories] }, desktopConfig);
  if (!run) throw new Error('Lighthouse returned no result');
  return run.lhr;
}

/** The audits of these categories that Lighthouse's report would not list as passed (metrics aside). */
export function failingAudits(lhr: Result, categories: readonly string[] = CATEGORIES): string[] {
  const out: string[] = [];
  for (const id of categories) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || ref.group === 'metrics' || a.score === null || a.score >= PASS) continue;
      if (!['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) continue;
      out.push(`${id}: ${a.id} (${a.score.toFixed(2)}) ${a.title}${a.displayValue ? ` — ${a.displayValue}` : ''}`);
    }
  }
  return [...new Set(out)];
}

function securityFindings(lhr: Result): string[] {
  const out: string[] = [];
  for (const ref of lhr.categories['best-practices']?.auditRefs ?? []) {
    const a = lhr.audits[ref.id];
    if (!a || a.scoreDisplayMode !== 'informative' || a.details?.type !== 'table') continue;
    const items = a.details.items.filter((i) => typeof i.severity === 'string');
    if (items.length > 0) out.push(`${a.id}: ${items.map((i) => `${String(i.description)}${i.directive ? ` (${String(i.directive)})` : ''} [${String(i.severity)}]`).join('; ')}`);
  }
  return out;
}

export async function runAudit(): Promise<AuditFigures> {
  const server = await startServer();
  const profile = mkdtempSync(join(tmpdir(), 'pos-lighthouse-'));
  let chrome: ChildProcess | undefined;
  try {
    const launched = await launchChromium(profile);
    chrome = launched.child;
    const url = `${server.url}/`;
    const lhr = await lighthouseOn(url, launched.port);
    const scores = Object.fromEntries(CATEGORIES.map((id) => [id, lhr.categories[id]?.score ?? null]));
    const metrics = METRICS.map((id) => `${lhr.audits[id]?.title ?? id} ${lhr.audits[id]?.displayValue ?? '?'}`);

    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${launched.port}`);
    try {
      // The default (persistent) context: installing from an incognito one is refused.
      const context = browser.contexts()[0];
      if (!context) throw new Error('no default browser context');
      const pwa = await pwaChecks(context, server.url);
      return { url, lighthouseVersion: lhr.lighthouseVersion, scores, metrics, failing: failingAudits(lhr), findings: securityFindings(lhr), warnings: lhr.runWarnings, pwa };
    } finally {
      await browser.close();
    }
  } finally {
    if (chrome && chrome.exitCode === null) {
      const exited = new Promise((r) => chrome?.once('exit', r));
      chrome.kill('SIGTERM');
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
    await server.stop();
  }
}

export function formatAudit(f: AuditFigures): string[] {
  const score = (s: number | null) => (s === null ? 'n/a' : String(Math.round(s * 100)));
  return [
    `Lighthouse ${f.lighthouseVersion} (desktop preset) on ${f.url}`,
    `scores: ${Object.entries(f.scores).map(([k, v]) => `${k} ${score(v)}`).join('   ')}`,
    `metrics: ${f.metrics.join(', ')}`,
    ...(f.failing.length ? f.failing.map((l) => `failing audit  ${l}`) : ['failing audits: none']),
    ...(f.findings.length ? f.findings.map((l) => `finding        ${l}`) : ['security findings: none']),
    ...f.warnings.map((w) => `lighthouse warning: ${w}`),
    'PWA checks through CDP (Lighthouse 12 removed its PWA category; Lighthouse 13 needs Node 22):',
    ...formatChecks(f.pwa).map((l) => `  ${l}`),
  ];
}
