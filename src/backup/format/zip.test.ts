import { describe, expect, it } from 'vitest';
import { crc32, readZip, writeZip, zipReader } from './zip';
import { utf8 } from './bytes';

const entries = [
  { name: 'POS-Backup/BACKUP.json', data: utf8('{"a":1}') },
  { name: 'POS-Backup/packs/abc', data: new Uint8Array([1, 2, 3, 250]) },
  { name: 'POS-Backup/HEAD', data: new Uint8Array(0) },
];

describe('single-file ZIP', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips entries and lists folders through the reader interface', async () => {
    const bytes = writeZip(entries);
    expect(readZip(bytes).map((e) => [e.name, [...e.data]])).toEqual(entries.map((e) => [e.name, [...e.data]]));
    const r = zipReader(bytes);
    expect(await r.read('packs/abc')).toEqual(new Uint8Array([1, 2, 3, 250]));
    expect(await r.read('missing')).toBeNull();
    expect((await r.list('')).map((f) => f.name).sort()).toEqual(['BACKUP.json', 'HEAD']);
    expect(await r.list('packs')).toEqual([{ name: 'abc', size: 4 }]);
  });

  it('is readable by a standard unzip (stored entries, no data descriptors)', async () => {
    const { unzipSync } = await import('fflate');
    const files = unzipSync(writeZip(entries));
    expect(Object.keys(files).sort()).toEqual(entries.map((e) => e.name).sort());
  });

  it('refuses every truncation and every single flipped byte as damaged', () => {
    const bytes = writeZip(entries);
    for (let at = 0; at < bytes.length; at++) {
      expect(() => readZip(bytes.subarray(0, at))).toThrow(expect.objectContaining({ code: 'damaged' }));
      const bad = bytes.slice();
      bad[at] = bad[at]! ^ 0x01;
      expect(() => readZip(bad), `flip at ${at}`).toThrow(expect.objectContaining({ code: 'damaged' }));
    }
  });
});
