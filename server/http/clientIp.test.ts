// The client address behind (trusted) proxies: X-Forwarded-For only when TRUST_PROXY says so.
import { describe, expect, it } from 'vitest';
import { normalizeIp, parseTrustProxy, resolveClientIp } from './clientIp';

describe('client address', () => {
  it('ignores X-Forwarded-For without TRUST_PROXY', () => {
    expect(resolveClientIp('::ffff:10.0.0.5', '203.0.113.9', parseTrustProxy(undefined))).toBe('10.0.0.5');
    expect(resolveClientIp('10.0.0.5', '203.0.113.9', parseTrustProxy(''))).toBe('10.0.0.5');
  });

  it('takes the right-most address that is not a trusted proxy', () => {
    const trust = parseTrustProxy('10.0.0.0/8, ::1, 192.0.2.7');
    expect(resolveClientIp('10.0.0.5', '1.1.1.1, 203.0.113.9, 192.0.2.7', trust)).toBe('203.0.113.9');
    expect(resolveClientIp('::1', '2001:db8::42', trust)).toBe('2001:db8::42');
    // An untrusted peer's header is not believed.
    expect(resolveClientIp('198.51.100.1', '203.0.113.9', trust)).toBe('198.51.100.1');
    // Only proxies in the chain: the left-most.
    expect(resolveClientIp('10.0.0.5', '10.1.1.1, 10.2.2.2', trust)).toBe('10.1.1.1');
    expect(resolveClientIp('10.0.0.5', undefined, trust)).toBe('10.0.0.5');
  });

  it('counts hops from the right', () => {
    expect(resolveClientIp('10.0.0.5', '6.6.6.6, 203.0.113.9', parseTrustProxy('1'))).toBe('203.0.113.9');
    expect(resolveClientIp('10.0.0.5', '6.6.6.6, 203.0.113.9, 10.0.0.9', parseTrustProxy('2'))).toBe('203.0.113.9');
    expect(resolveClientIp('10.0.0.5', '203.0.113.9', parseTrustProxy('3'))).toBe('203.0.113.9');
  });

  it('names loopback and private ranges, refuses nonsense', () => {
    expect(resolveClientIp('127.0.0.1', '203.0.113.9', parseTrustProxy('loopback'))).toBe('203.0.113.9');
    expect(resolveClientIp('172.20.0.3', '203.0.113.9', parseTrustProxy('private'))).toBe('203.0.113.9');
    expect(() => parseTrustProxy('proxy.example')).toThrow(RangeError);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(RangeError);
    expect(normalizeIp('[2001:DB8::1]')).toBe('2001:db8::1');
    expect(normalizeIp('203.0.113.9:5555')).toBe('203.0.113.9');
  });
});
