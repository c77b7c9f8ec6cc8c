// The client's address for rate limits and the session list. The socket's address unless the
// back office was told to trust a proxy (TRUST_PROXY): then X-Forwarded-For's right-most address
// that is not a trusted proxy. Without TRUST_PROXY the header is ignored (anyone can send it).
//
// TRUST_PROXY is either a hop count (`1`: one proxy in front, whatever its address) or a comma
// list of proxy addresses and CIDR ranges (`127.0.0.1, 10.0.0.0/8, ::1`; `loopback` and
// `private` name the usual ranges).
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'list'; list: BlockList };

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  private: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7', '127.0.0.0/8', '::1/128'],
};

/** Parses TRUST_PROXY; throws a RangeError naming a bad entry. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return { kind: 'none' };
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const list = new BlockList();
  for (const raw of text.split(',').map((s) => s.trim()).filter(Boolean)) {
    for (const entry of NAMED[raw.toLowerCase()] ?? [raw]) {
      const [addr = '', bits] = entry.split('/');
      const address = normalizeIp(addr);
      const family = isIP(address);
      if (family === 0) throw new RangeError(`TRUST_PROXY: not an address or CIDR: ${raw}`);
      const type = family === 4 ? 'ipv4' : 'ipv6';
      if (bits === undefined) list.addAddress(address, type);
      else {
        const prefix = Number(bits);
        if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) throw new RangeError(`TRUST_PROXY: bad prefix length: ${raw}`);
        list.addSubnet(address, prefix, type);
      }
    }
  }
  return { kind: 'list', list };
}

/** `::ffff:10.0.0.1` → `10.0.0.1`; brackets and an IPv4 port are dropped. */
export function normalizeIp(raw: string): string {
  let s = raw.trim();
  if (s.startsWith('[')) s = s.slice(1, s.indexOf(']') > 0 ? s.indexOf(']') : undefined);
  const v4port = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(s);
  if (v4port) s = v4port[1] as string;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(s);
  if (mapped) s = mapped[1] as string;
  return s.toLowerCase();
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** The client address given the socket's address and the X-Forwarded-For header. */
export function resolveClientIp(socket: string, forwardedFor: string | undefined, trust: TrustProxy): string {
  const peer = normalizeIp(socket);
  if (trust.kind === 'none' || !forwardedFor) return peer;
  const chain = forwardedFor
    .split(',')
    .map(normalizeIp)
    .filter((s) => s.length > 0)
    .slice(-32);
  if (chain.length === 0) return peer;
  if (trust.kind === 'hops') {
    if (trust.hops === 0) return peer;
    // chain + peer, right to left: the peer is hop 1's proxy, …; the client sits `hops` to its left.
    return chain[Math.max(0, chain.length - trust.hops)] ?? peer;
  }
  if (!isTrusted(trust.list, peer)) return peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i] as string;
    if (!isTrusted(trust.list, hop)) return hop;
  }
  return chain[0] as string;
}

/** The socket's remote address (`local` when not served by @hono/node-server: app.request in tests). */
export function socketIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

export function clientIpOf(c: Context, trust: TrustProxy): string {
  return resolveClientIp(socketIp(c), c.req.header('x-forwarded-for'), trust);
}
