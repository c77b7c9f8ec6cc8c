// Operator PINs: PBKDF2-SHA256 with a random 16-byte salt, shared by the back office (which
// sets PINs) and the till (which checks them offline). The PIN itself is never stored.
const encoder = new TextEncoder();

export const DEFAULT_PIN_ITERATIONS = 100_000;
export const PIN_PATTERN = /^\d{4,6}$/;

export interface PinRecord {
  pinHash: string;
  pinSalt: string;
  pinIterations: number;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export async function hashPin(pin: string, saltHex: string, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromHex(saltHex), iterations },
    key,
    256,
  );
  return toHex(new Uint8Array(bits));
}

export async function createPinRecord(pin: string, iterations = DEFAULT_PIN_ITERATIONS): Promise<PinRecord> {
  if (!PIN_PATTERN.test(pin)) throw new RangeError('A PIN has 4 to 6 digits');
  const pinSalt = toHex(crypto.getRandomValues(new Uint8Array(16)));
  return { pinHash: await hashPin(pin, pinSalt, iterations), pinSalt, pinIterations: iterations };
}

/** Compares in constant time over the hash length. */
export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  if (!PIN_PATTERN.test(pin)) return false;
  const actual = await hashPin(pin, record.pinSalt, record.pinIterations);
  let diff = actual.length ^ record.pinHash.length;
  for (let i = 0; i < actual.length; i++) diff |= actual.charCodeAt(i) ^ (record.pinHash.charCodeAt(i) || 0);
  return diff === 0;
}
