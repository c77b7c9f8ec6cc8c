// Interop: files the app writes open with the real `age` command-line tool (Debian `age`,
// installed by .ci/run). Packs and manifests decrypt with the recovery key (`age -d -i`);
// key.age decrypts with the password typed at age's terminal prompt (run under `script`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineCodec } from '../../src/backup/format/codec';
import { readHead } from '../../src/backup/format/reader';
import { memoryDestination } from '../../src/backup/destinations/memory';
import { runBackup } from '../../src/backup/service';
import { setupBackupSet } from '../../src/backup/settings';
import { freshDb, seedOrg, stepClock } from '../../src/backup/test-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'pos-age-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function backup() {
  const db = freshDb();
  await seedOrg(db, { articles: 150, receipts: 10 });
  const clock = stepClock();
  const set = await setupBackupSet(db, { password: 'tiger lily 42' }, { codec: inlineCodec, clock, scryptLogN: 10 });
  if (!set.ok || !set.value.recoveryKey) throw new Error('setup failed');
  const stick = memoryDestination();
  const run = await runBackup(db, stick, null, clock, undefined, { codec: inlineCodec, organization: { id: 'o', name: 'O' } });
  if (!run.ok) throw new Error(run.reason);
  return { stick, recoveryKey: set.value.recoveryKey };
}

/** Runs `age -d` on a pty (age reads passphrases from the terminal) and types the password. */
function decryptWithPassphrase(file: string, out: string, password: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', `age -d -o '${out}' '${file}'`, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let typed = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (!typed && /passphrase/i.test(chunk.toString())) {
        typed = true;
        child.stdin.write(`${password}\n`);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve(code ?? -1);
    });
  });
}

describe('age command-line interop', () => {
  it('the age binary is installed', () => {
    const v = spawnSync('age', ['--version'], { encoding: 'utf8' });
    expect(v.error).toBeUndefined();
    expect(v.status).toBe(0);
  });

  it('decrypts a pack and the manifest with `age -d -i` and the recovery key', async () => {
    const { stick, recoveryKey } = await backup();
    const identityFile = join(dir, 'recovery.txt');
    writeFileSync(identityFile, `${recoveryKey}\n`);
    const head = await readHead(stick);
    const pack = join(dir, 'pack.age');
    writeFileSync(pack, (await stick.read(`packs/${head.packs[0]![0]}`))!);
    const res = spawnSync('age', ['-d', '-i', identityFile, pack]);
    expect(res.status, res.stderr?.toString()).toBe(0);
    const lines = new TextDecoder().decode(gunzipSync(new Uint8Array(res.stdout))).trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0]!)).toHaveProperty('id');

    const manifest = join(dir, 'manifest.age');
    writeFileSync(manifest, (await stick.read(`manifests/${head.manifest.name}`))!);
    const m = spawnSync('age', ['-d', '-i', identityFile, manifest]);
    expect(m.status).toBe(0);
    expect(JSON.parse(new TextDecoder().decode(gunzipSync(new Uint8Array(m.stdout))))).toMatchObject({ snapshotId: head.snapshotId });
  });

  it('decrypts key.age with the password, giving the recovery key', async () => {
    const { stick, recoveryKey } = await backup();
    const keyFile = join(dir, 'key.age');
    const out = join(dir, 'key.txt');
    writeFileSync(keyFile, (await stick.read('key.age'))!);
    expect(await decryptWithPassphrase(keyFile, out, 'tiger lily 42')).toBe(0);
    expect(readFileSync(out, 'utf8').trim()).toBe(recoveryKey);
  });

  it('a file age encrypts to the set recipient opens in the app', async () => {
    const { stick, recoveryKey } = await backup();
    const config = JSON.parse(new TextDecoder().decode((await stick.read('BACKUP.json'))!));
    const plain = join(dir, 'plain.gz');
    writeFileSync(plain, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    const res = spawnSync('age', ['-r', config.recipient, plain]);
    expect(res.status).toBe(0);
    expect(await inlineCodec.open(new Uint8Array(res.stdout), recoveryKey)).toEqual(new Uint8Array(0));
  });
});
