// Draws the layer diagram from the code: cruises src/ and server/ with .dependency-cruiser.cjs,
// collapses every module to its room (src/model, src/db, src/ui, a feature, src/app, src/admin,
// server, src/sw.ts, src/main.tsx…) and writes a Mermaid graph, with the edges that break a rule
// dashed and listed, between `<!-- arch:begin -->` and `<!-- arch:end -->` in docs/architecture.md.
//
//   node scripts/arch.mjs           rewrite the block (npm run arch)
//   node scripts/arch.mjs --check   exit 1 if the block differs from the code (part of npm run lint)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const docPath = `${root}docs/architecture.md`;
const BEGIN = '<!-- arch:begin -->';
const END = '<!-- arch:end -->';
/** Test files and helpers are no part of the layers (the same list as in .dependency-cruiser.cjs). */
const TESTS = '(^tests/|[.]test[.]tsx?$|/testing/|/testing[.]tsx?$|[sS]creensTesting[.]tsx?$|/test-fixtures[.]ts$)';

/** A module's room: `server`, `src/<folder>` or a file directly under src/. */
export function roomOf(path) {
  const m = /^(server|src\/[^/]+)/.exec(path);
  return m ? m[1] : null;
}

function cruise() {
  const bin = `${root}node_modules/dependency-cruiser/bin/dependency-cruise.mjs`;
  const args = [bin, 'src', 'server', '--config', '.dependency-cruiser.cjs', '--no-progress', '--output-type', 'json', '--exclude', TESTS, '--include-only', '^(src|server)/'];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
}

const nodeId = (room) => room.replace(/^src\//, '').replace(/[^A-Za-z0-9]/g, '_');

/** The Markdown block (without the markers) for a cruise result. */
export function render(result) {
  const rooms = new Set();
  /** "from\u0000to" → names of the rules its imports break */
  const edges = new Map();
  const broken = [];
  for (const mod of result.modules) {
    const from = roomOf(mod.source);
    if (!from) continue;
    rooms.add(from);
    for (const dep of mod.dependencies) {
      const to = roomOf(dep.resolved);
      if (!to || to === from) continue;
      rooms.add(to);
      const key = `${from}\u0000${to}`;
      const rules = edges.get(key) ?? new Set();
      edges.set(key, rules);
      if (!dep.valid) {
        for (const r of dep.rules) rules.add(r.name);
        broken.push(`${mod.source} → ${dep.resolved} (${dep.rules.map((r) => r.name).join(', ')})`);
      }
    }
  }
  const lines = ['```mermaid', 'flowchart TD'];
  for (const room of [...rooms].sort()) lines.push(`  ${nodeId(room)}["${room}"]`);
  const sorted = [...edges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const red = [];
  sorted.forEach(([key, rules], i) => {
    const [from, to] = key.split('\u0000');
    if (rules.size > 0) {
      lines.push(`  ${nodeId(from)} -.->|breaks a rule| ${nodeId(to)}`);
      red.push(i);
    } else {
      lines.push(`  ${nodeId(from)} --> ${nodeId(to)}`);
    }
  });
  if (red.length > 0) lines.push(`  linkStyle ${red.join(',')} stroke:#c00,color:#c00`);
  lines.push('```', '');
  if (broken.length === 0) {
    lines.push('No import breaks a layer rule.');
  } else {
    lines.push('Imports that break a layer rule today (dashed red above; `npm run lint` fails on them):', '');
    for (const b of [...new Set(broken)].sort()) lines.push(`- \`${b}\``);
  }
  return lines.join('\n');
}

function replaceBlock(doc, block) {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${docPath} lacks the ${BEGIN} … ${END} markers`);
  return `${doc.slice(0, start + BEGIN.length)}\n${block}\n${doc.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = readFileSync(docPath, 'utf8');
  const next = replaceBlock(doc, render(cruise()));
  if (process.argv.includes('--check')) {
    if (next !== doc) {
      console.error('docs/architecture.md: the layer diagram is out of date with the code; run `npm run arch` and commit the result.');
      process.exit(1);
    }
    console.log('docs/architecture.md: the layer diagram matches the code.');
  } else if (next !== doc) {
    writeFileSync(docPath, next);
    console.log('docs/architecture.md: layer diagram updated.');
  } else {
    console.log('docs/architecture.md: layer diagram already up to date.');
  }
}
