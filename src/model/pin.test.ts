import { describe, expect, it } from 'vitest';
import { operator } from './entities';
import { createPinRecord, hashPin, verifyPin } from './pin';

describe('PIN hashing', () => {
  it('is PBKDF2-HMAC-SHA256 (RFC 7914 test vector, first 32 bytes)', async () => {
    const saltHex = '73616c74'; // "salt" in hex
    expect(await hashPin('passwd', saltHex, 1)).toBe('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc');
  });

  it('creates records that fit the operator schema and verify only the right PIN', async () => {
    const record = await createPinRecord('1234', 1000);
    expect(() => operator.parse({ id: 'op', name: 'A', roleId: 'r', active: true, ...record })).not.toThrow();
    expect(await verifyPin('1234', record)).toBe(true);
    expect(await verifyPin('1235', record)).toBe(false);
    expect(await verifyPin('12a4', record)).toBe(false);
  });

  it('salts every record differently', async () => {
    const [a, b] = await Promise.all([createPinRecord('1111', 1000), createPinRecord('1111', 1000)]);
    expect(a.pinSalt).not.toBe(b.pinSalt);
    expect(a.pinHash).not.toBe(b.pinHash);
  });

  it('refuses PINs that are not 4 to 6 digits', async () => {
    await expect(createPinRecord('123')).rejects.toThrow(RangeError);
    await expect(createPinRecord('1234567')).rejects.toThrow(RangeError);
  });
});
