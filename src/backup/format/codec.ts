// The heavy operations (scrypt, gzip, age encryption) behind one interface, so the browser can
// run them in a Worker (../worker-client.ts) while Node tests run them inline (inlineCodec).
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { Gunzip, gzipSync } from 'fflate';
import { BackupError } from './types';
import { fromUtf8 } from './bytes';

export type CompressionLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface KeySet {
  /** AGE-SECRET-KEY-1…: the recovery key shown once at setup. */
  identity: string;
  /** age1…: packs and manifests are encrypted to it, so daily runs need no password. */
  recipient: string;
  /** The identity encrypted with the password (age scrypt): the medium's key.age. */
  keyAge: Uint8Array;
}

export interface PackCodec {
  /** gzip at `level`, then age-encrypt to `recipient` (null = the explicit unencrypted mode). */
  seal(plain: Uint8Array, level: CompressionLevel, recipient: string | null): Promise<Uint8Array>;
  /** The inverse of seal; throws BackupError('damaged') on any authentication or format error,
   * and as soon as the plaintext grows past `maxBytes` (default MAX_OPEN_BYTES): a
   * decompression bomb is refused in bounded memory. */
  open(stored: Uint8Array, identity: string | null, maxBytes?: number): Promise<Uint8Array>;
  createKeySet(password: string, scryptLogN: number): Promise<KeySet>;
  /** The identity from key.age, or null when the password is wrong. */
  unlock(keyAge: Uint8Array, password: string): Promise<string | null>;
}

export const RECOVERY_KEY_PREFIX = 'AGE-SECRET-KEY-1';

/** Largest plaintext `open` returns when the caller names no bound. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032:1, so one
 * step yields at most ~1 MiB before the bound is checked again. */
const INFLATE_STEP = 1024;

/** gunzip that stops as soon as the output passes `maxBytes` (BackupError 'damaged'). */
export function gunzipBounded(packed: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  let ended = false;
  const g = new Gunzip((chunk, final) => {
    if (over) return;
    size += chunk.length;
    if (size > maxBytes) {
      over = true;
      chunks.length = 0;
      return;
    }
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    if (packed.length === 0) g.push(packed, true);
    for (let i = 0; i < packed.length && !over; i += INFLATE_STEP) g.push(packed.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= packed.length);
  } catch (e) {
    throw new BackupError('damaged', `gunzip: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (over) throw new BackupError('damaged', `gunzip: the content is larger than ${maxBytes} bytes`);
  if (!ended) throw new BackupError('damaged', 'gunzip: unexpected end of data');
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// One Encrypter/Decrypter per key, reused for every pack (age-encryption allows many files
// per instance; each file still gets a fresh file key and ephemeral share).
let encrypter: { recipient: string; e: Encrypter } | null = null;
let decrypter: { identity: string; d: Decrypter } | null = null;

export async function seal(plain: Uint8Array, level: CompressionLevel, recipient: string | null): Promise<Uint8Array> {
  const packed = gzipSync(plain, { level, mtime: 0 });
  if (recipient === null) return packed;
  if (encrypter?.recipient !== recipient) {
    const e = new Encrypter();
    e.addRecipient(recipient);
    encrypter = { recipient, e };
  }
  return encrypter.e.encrypt(packed);
}

export async function open(stored: Uint8Array, identity: string | null, maxBytes = MAX_OPEN_BYTES): Promise<Uint8Array> {
  let packed = stored;
  if (identity !== null) {
    try {
      if (decrypter?.identity !== identity) {
        const d = new Decrypter();
        d.addIdentity(identity);
        decrypter = { identity, d };
      }
      packed = await decrypter.d.decrypt(stored);
    } catch (e) {
      throw new BackupError('damaged', `decrypt: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return gunzipBounded(packed, maxBytes);
}

export async function createKeySet(password: string, scryptLogN: number): Promise<KeySet> {
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);
  const e = new Encrypter();
  e.setPassphrase(password);
  e.setScryptWorkFactor(scryptLogN);
  const keyAge = await e.encrypt(`${identity}\n`);
  return { identity, recipient, keyAge };
}

export async function unlock(keyAge: Uint8Array, password: string): Promise<string | null> {
  try {
    const d = new Decrypter();
    d.addPassphrase(password);
    const text = fromUtf8(await d.decrypt(keyAge)).trim();
    return text.startsWith(RECOVERY_KEY_PREFIX) ? text : null;
  } catch {
    // age reports a wrong passphrase and a tampered header alike; BACKUP.json's key hash,
    // checked before this call, separates the two.
    return null;
  }
}

export const inlineCodec: PackCodec = { seal, open, createKeySet, unlock };

/** The recipient of a recovery key, or null when the text is not a valid age identity. */
export async function recipientOf(identity: string): Promise<string | null> {
  try {
    return await identityToRecipient(identity.trim());
  } catch {
    return null;
  }
}
