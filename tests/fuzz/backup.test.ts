// Fuzzing backup integrity: a small real backup (several packs) on the in-memory directory
// handle and as a single .posbackup file; fast-check picks a file of the tree (every one of
// them), then a truncation offset or a set of byte flips. Quick verify, deep verify and restore
// must refuse with a typed reason, and the restore target must not change.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgDatabase } from '../../src/db/schema';
import { directoryDestination } from '../../src/backup/destinations/directory';
import { MemoryDirectoryHandle } from '../../src/backup/destinations/memory-handle';
import { exportOrganizations, openBackupFile } from '../../src/backup/export';
import { inlineCodec } from '../../src/backup/format/codec';
import type { BackupDestination, BackupFailure, BackupReader } from '../../src/backup/format/types';
import { commitRestore, previewRestore, runBackup, verifyBackup } from '../../src/backup/service';
import { setupBackupSet } from '../../src/backup/settings';
import { dumpTables, freshDb, seedOrg, stepClock } from '../../src/backup/test-fixtures';
import { fuzzParams, watchUnhandled } from './seed';

const PASSWORD = 'fuzz-password';
const REFUSALS: BackupFailure[] = ['damaged', 'missing-piece', 'no-backup', 'unsupported-version', 'wrong-password'];

type Damage = { kind: 'truncate'; at: number } | { kind: 'flip'; flips: { at: number; mask: number }[] };

const unhandled = watchUnhandled();
let source: OrgDatabase;
let target: OrgDatabase;
let targetBefore: Record<string, unknown[]>;
let stick: BackupDestination;
/** Every file of the backup tree on the stick, path → original bytes. */
const tree = new Map<string, Uint8Array>();
let file: Uint8Array;
let damaged = 0;
let sourceDump: Record<string, unknown[]>;
/** Outcomes by file group, expectation and result (printed with FUZZ_STATS=1). */
const counts = new Map<string, number>();

async function targetUnchanged(): Promise<boolean> {
  return JSON.stringify(await dumpTables(target)) === JSON.stringify(targetBefore);
}

/** A restore target with a little local data of its own. */
async function resetTarget(): Promise<void> {
  await target?.delete();
  target = freshDb('fuzz-target');
  await seedOrg(target, { articles: 5, receipts: 3, clients: 2 });
}

function damage(bytes: Uint8Array, d: Damage): Uint8Array {
  if (d.kind === 'truncate') return bytes.slice(0, d.at % bytes.length);
  const out = bytes.slice();
  for (const { at, mask } of d.flips) out[at % out.length] = out[at % out.length]! ^ mask;
  return out;
}

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.nat().map((at) => ({ kind: 'truncate' as const, at })),
  fc.array(fc.record({ at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }), { minLength: 1, maxLength: 4 }).map((flips) => ({ kind: 'flip' as const, flips })),
);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Leaf paths where two JSON values differ ('' for the root). */
function jsonDiff(a: unknown, b: unknown, at = ''): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], at ? `${at}.${k}` : k));
  }
  return Object.is(a, b) ? [] : [at];
}

/**
 * Which damage must be refused. Hashed files (key.age, manifests, packs): always, by all three.
 * BACKUP.json and HEAD are plaintext JSON that quick verify reads without the password: any
 * damage must be refused by deep verify and restore, except in the fields that nothing
 * authenticates and restore does not read (the set's creation time and chunker parameters,
 * HEAD's dedup tags) — there the restored rows must simply be the source's. Quick verify checks
 * those files' structure and the hashes they name, not their other values. MEDIUM.json is the
 * medium's own label, not part of the backup: verify and restore do not read it.
 */
function expectation(path: string, original: Uint8Array, bad: Uint8Array): { quick: 'refuse' | 'any'; deep: 'refuse' | 'any' } {
  if (path === 'MEDIUM.json') return { quick: 'any', deep: 'any' };
  if (path !== 'BACKUP.json' && path !== 'HEAD') return { quick: 'refuse', deep: 'refuse' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bad));
  } catch {
    return { quick: 'refuse', deep: 'refuse' };
  }
  const diff = jsonDiff(JSON.parse(new TextDecoder().decode(original)), parsed);
  // Same meaning, other bytes: refused as not written by this format.
  if (diff.length === 0) return { quick: 'refuse', deep: 'refuse' };
  const unread = path === 'HEAD' ? /^packs\.\d+\.2$/ : /^(createdAt|chunker\..+)$/;
  const unchecked = path === 'HEAD' ? /^(packs\.\d+\.2|snapshotId|createdAt)$/ : /^(createdAt|chunker\..+|setId|recipient)$/;
  return {
    quick: diff.every((p) => unchecked.test(p)) ? 'any' : 'refuse',
    deep: diff.every((p) => unread.test(p)) ? 'any' : 'refuse',
  };
}

/** Damage the reader used to accept (found by this property), kept as fixed examples. */
function regressions(): [string, Damage][] {
  const text = (p: string) => new TextDecoder().decode(tree.get(p));
  return [
    // A space of HEAD turned into a tab: same JSON, other bytes; verify and restore accepted it.
    ['HEAD', { kind: 'flip', flips: [{ at: text('HEAD').indexOf(' '), mask: 0x20 ^ 0x09 }] }],
    // One letter of BACKUP.json's set id changed: deep verify and restore accepted it.
    ['BACKUP.json', { kind: 'flip', flips: [{ at: text('BACKUP.json').indexOf('"setId": "') + 10, mask: 0x01 }] }],
    // One digit of HEAD's createdAt changed: deep verify and restore accepted it.
    ['HEAD', { kind: 'flip', flips: [{ at: text('HEAD').indexOf('"createdAt": "') + 16, mask: 0x01 }] }],
  ];
}

async function listTree(dest: BackupReader): Promise<string[]> {
  const root = (await dest.list('')).map((f) => f.name);
  const sub = async (dir: string) => (await dest.list(dir)).map((f) => `${dir}/${f.name}`);
  return [...root, ...(await sub('manifests')), ...(await sub('packs'))];
}

interface Outcome {
  quick: string;
  deep: string;
  restore: string;
}

/** Quick verify, deep verify and restore of `reader`; the refusal reasons, or 'accepted'. */
async function tryAll(reader: BackupReader): Promise<Outcome> {
  const quick = await verifyBackup(reader, 'quick', { codec: inlineCodec });
  const deep = await verifyBackup(reader, 'deep', { codec: inlineCodec, secret: PASSWORD });
  const preview = await previewRestore(reader, PASSWORD, target, { codec: inlineCodec });
  let restore: string;
  if (!preview.ok) restore = preview.reason;
  else {
    const done = await commitRestore(target, preview.value);
    restore = done.ok ? 'accepted' : done.reason;
  }
  return { quick: quick.ok ? 'accepted' : quick.reason, deep: deep.ok ? 'accepted' : deep.reason, restore };
}

describe('fuzzing backups with truncations and byte flips', () => {
  beforeAll(async () => {
    source = freshDb('fuzz-src');
    await seedOrg(source, { articles: 700, receipts: 300, clients: 20 });
    const clock = stepClock();
    const setup = await setupBackupSet(source, { password: PASSWORD }, { codec: inlineCodec, clock, scryptLogN: 2 });
    expect(setup.ok).toBe(true);
    stick = directoryDestination(new MemoryDirectoryHandle());
    const run = await runBackup(source, stick, null, clock, undefined, { codec: inlineCodec, organization: { id: 'o1', name: 'Shop' }, mediumLabel: 'Stick 1' });
    expect(run.ok).toBe(true);
    for (const p of await listTree(stick)) tree.set(p, (await stick.read(p))!);
    const exported = await exportOrganizations([{ db: source, organization: { id: 'o1', name: 'Shop' }, stores: [] }], { codec: inlineCodec, clock, password: PASSWORD, scryptLogN: 2 });
    if (!exported.ok) throw new Error(exported.reason);
    file = exported.value;
    sourceDump = await dumpTables(source);
    await resetTarget();
    targetBefore = await dumpTables(target);
  });

  afterAll(async () => {
    unhandled.stop();
    await source?.delete();
    await target?.delete();
  });

  it('the intact backup verifies and its files are all there (the control)', async () => {
    expect([...tree.keys()].filter((p) => p.startsWith('packs/')).length).toBeGreaterThanOrEqual(5);
    expect([...tree.keys()]).toEqual(expect.arrayContaining(['BACKUP.json', 'MEDIUM.json', 'key.age', 'HEAD']));
    expect((await verifyBackup(stick, 'deep', { codec: inlineCodec, secret: PASSWORD })).ok).toBe(true);
    const opened = await openBackupFile(file);
    expect(opened.ok && (await verifyBackup(opened.value.reader(opened.value.roots[0]!), 'deep', { codec: inlineCodec, secret: PASSWORD })).ok).toBe(true);
  });

  const treeRuns = Number(process.env.FUZZ_BACKUP_RUNS ?? 500);
  const zipRuns = Number(process.env.FUZZ_BACKUP_ZIP_RUNS ?? 800);

  it('refuses every damaged file of the folder tree and changes no local data', async () => {
    const paths = [...tree.keys()];
    // Every file can be picked; the few plaintext files as often as the many packs.
    const pathArb = fc.oneof(
      fc.constantFrom(...paths.filter((p) => !p.includes('/'))),
      fc.constantFrom(...paths.filter((p) => p.startsWith('manifests/'))),
      fc.constantFrom(...paths.filter((p) => p.startsWith('packs/'))),
    );
    await fc.assert(
      fc.asyncProperty(pathArb, damageArb, async (path, d) => {
        const original = tree.get(path)!;
        const bad = damage(original, d);
        fc.pre(!sameBytes(bad, original));
        damaged += 1;
        await stick.write(path, bad);
        let r: Outcome;
        let after: Record<string, unknown[]>;
        try {
          r = await tryAll(stick);
          after = await dumpTables(target);
        } finally {
          await stick.write(path, original);
          // A restore that went through replaced the target: start the next run from scratch.
          if (!sameBytes((await stick.read(path))!, original) || !(await targetUnchanged())) await resetTarget();
        }
        const ctx = `${path} ${JSON.stringify(d)} → ${JSON.stringify(r)}`;
        for (const reason of Object.values(r)) expect(['accepted', ...REFUSALS], ctx).toContain(reason);
        const expected = expectation(path, original, bad);
        counts.set(`${path.split('/')[0]} ${expected.quick}/${expected.deep} → ${r.quick === 'accepted' ? 'A' : 'R'}${r.deep === 'accepted' ? 'A' : 'R'}${r.restore === 'accepted' ? 'A' : 'R'}`, (counts.get(`${path.split('/')[0]} ${expected.quick}/${expected.deep} → ${r.quick === 'accepted' ? 'A' : 'R'}${r.deep === 'accepted' ? 'A' : 'R'}${r.restore === 'accepted' ? 'A' : 'R'}`) ?? 0) + 1);
        if (expected.quick === 'refuse') expect(r.quick, `quick verify accepted ${ctx}`).not.toBe('accepted');
        if (expected.deep === 'refuse') {
          expect(r.deep, `deep verify accepted ${ctx}`).not.toBe('accepted');
          expect(r.restore, `restore accepted ${ctx}`).not.toBe('accepted');
        }
        // Accepted only for damage restore does not read: then the restored rows are the source's.
        if (r.restore === 'accepted') expect(after, `restore of ${ctx}`).toEqual(sourceDump);
        else expect(after, `a refused restore wrote: ${ctx}`).toEqual(targetBefore);
      }),
      fuzzParams<[string, Damage]>(treeRuns, regressions()),
    );
  }, 120_000 + treeRuns * 100);

  it('refuses every damaged .posbackup file and changes no local data', async () => {
    await fc.assert(
      fc.asyncProperty(damageArb, async (d) => {
        const bad = damage(file, d);
        fc.pre(!sameBytes(bad, file));
        damaged += 1;
        const opened = await openBackupFile(bad);
        const ctx = `.posbackup ${JSON.stringify(d)}`;
        if (!opened.ok) {
          expect(REFUSALS, ctx).toContain(opened.reason);
        } else {
          const r = await tryAll(opened.value.reader(opened.value.roots[0]!));
          for (const reason of Object.values(r)) expect(REFUSALS, `${ctx} → ${JSON.stringify(r)}`).toContain(reason);
        }
        expect(await dumpTables(target), `a refused restore wrote: ${ctx}`).toEqual(targetBefore);
      }),
      fuzzParams(zipRuns),
    );
  }, 120_000 + zipRuns * 100);

  it('damaged at least 500 files, with no unhandled rejection', () => {
    if (process.env.FUZZ_STATS) console.log([...counts].sort().map(([k, n]) => `${k}: ${n}`).join('\n'));
    expect(damaged).toBeGreaterThanOrEqual(Number(process.env.FUZZ_BACKUP_MIN ?? 500));
    expect(unhandled.errors).toEqual([]);
  });
});
