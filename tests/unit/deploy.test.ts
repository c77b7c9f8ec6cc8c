// The deploy recipes' files (docs/deploy.md) as their tools read them: Caddy adapts the internet
// recipe to automatic HTTPS for POS_DOMAIN in front of every upstream with the readiness check,
// and the LAN recipe to Caddy's local CA; systemd accepts the unit. (The LAN recipe runs for real
// in tests/e2e/deploy.e2e.ts, the internet one in tests/chaos/instances.chaos.ts.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function adapt(file: string, env: Record<string, string>): Record<string, unknown> {
  const r = spawnSync('caddy', ['adapt', '--config', file, '--adapter', 'caddyfile'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`caddy adapt ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

type Json = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown => path.reduce<unknown>((v, k) => (v as Json | undefined)?.[k as string], o);

describe('deploy recipes', () => {
  it('the internet recipe: automatic HTTPS for the domain, every upstream, the readiness check', () => {
    const cfg = adapt('deploy/Caddyfile.internet', { POS_DOMAIN: 'pos.example.com', POS_UPSTREAMS: '127.0.0.1:8787 127.0.0.1:8788' });
    const server = at(cfg, 'apps', 'http', 'servers', 'srv0') as Json;
    expect(server.listen).toEqual([':443']);
    expect(at(server, 'routes', 0, 'match', 0, 'host')).toEqual(['pos.example.com']);
    const proxy = at(server, 'routes', 0, 'handle', 0, 'routes', 0, 'handle', 0) as Json;
    expect(proxy.handler).toBe('reverse_proxy');
    expect(proxy.upstreams).toEqual([{ dial: '127.0.0.1:8787' }, { dial: '127.0.0.1:8788' }]);
    expect(at(proxy, 'health_checks', 'active', 'uri')).toBe('/api/v1/ready');
    // Automatic HTTPS is on (not disabled) and no site uses the internal issuer: Let's Encrypt.
    expect(at(server, 'automatic_https', 'disable')).toBeUndefined();
    expect(JSON.stringify(cfg)).not.toContain('"internal"');
  });

  it('the LAN recipe: the site certificate from Caddy’s local CA', () => {
    const cfg = adapt('deploy/Caddyfile.lan', { POS_HOST: 'caisse.boutique.lan' });
    expect(JSON.stringify(at(cfg, 'apps', 'tls', 'automation', 'policies'))).toContain('"module":"internal"');
    expect(JSON.stringify(at(cfg, 'apps', 'http', 'servers'))).toContain('caisse.boutique.lan');
  });

  it('the systemd unit passes systemd-analyze verify', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pos-unit-'));
    try {
      // The unit as installed, with the Node 24 path replaced by this machine's node.
      const unit = readFileSync('deploy/offline-pos.service', 'utf8').replaceAll('/opt/node-24/bin/node', process.execPath);
      expect(unit).toMatch(/^ExecStart=.* --import tsx server\/main\.ts$/m);
      const file = join(dir, 'offline-pos.service');
      writeFileSync(file, unit);
      const r = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
      const problems = `${r.stdout}${r.stderr}`
        .split('\n')
        // The service user and its folders exist only on the shop's server.
        .filter((l) => l.trim() && !/offline-pos\.service: (Failed to|User|Group)|Unit offline-pos|\/opt\/offline-pos|\/etc\/offline-pos/.test(l));
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
