// Random tokens, codes and hashes for the back office (node:crypto).
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: till and admin bearer tokens. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hmacBase64url(key: string, text: string, bytes = 16): string {
  return createHmac('sha256', key).update(text).digest().subarray(0, bytes).toString('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Letters and digits people do not confuse when reading a code aloud (no 0/O, 1/I/L). */
export const SYNC_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const SYNC_CODE_LENGTH = 8;

export function randomSyncCode(): string {
  let code = '';
  for (let i = 0; i < SYNC_CODE_LENGTH; i++) code += SYNC_CODE_ALPHABET[randomInt(SYNC_CODE_ALPHABET.length)];
  return code;
}

export function randomId(prefix = ''): string {
  return prefix + randomBytes(12).toString('base64url');
}
