import { describe, expect, it } from 'vitest';
import { blobSource, bytesSource, crc32, indexReader, openZip, readZip, writeZip, writeZipStream, zipReader } from './zip';
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

describe('streamed single-file ZIP', () => {
  const collect = async (list: typeof entries) => {
    const parts: Uint8Array[] = [];
    const size = await writeZipStream(list, (c) => void parts.push(c));
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return { out, parts };
  };

  it('writes byte for byte what writeZip writes (older readers open it), in chunks no bigger than an entry', async () => {
    const { out, parts } = await collect(entries);
    expect(out).toEqual(writeZip(entries));
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(out.length);
  });

  it('opens a file or bytes entry by entry, the older in-memory format included', async () => {
    const bytes = writeZip(entries);
    for (const src of [bytesSource(bytes), blobSource(new Blob([bytes as Uint8Array<ArrayBuffer>]))]) {
      const index = await openZip(src);
      expect(index.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      const r = indexReader(src, index);
      expect(await r.read('packs/abc')).toEqual(new Uint8Array([1, 2, 3, 250]));
      expect(await r.read('HEAD')).toEqual(new Uint8Array(0));
      expect(await r.read('missing')).toBeNull();
      expect(await r.list('packs')).toEqual([{ name: 'abc', size: 4 }]);
    }
  });

  it('refuses every truncation and every single flipped byte as damaged when opening', async () => {
    const bytes = writeZip(entries);
    for (let at = 0; at < bytes.length; at++) {
      await expect(openZip(bytesSource(bytes.subarray(0, at)))).rejects.toMatchObject({ code: 'damaged' });
      const bad = bytes.slice();
      bad[at] = bad[at]! ^ 0x01;
      await expect(openZip(bytesSource(bad)), `flip at ${at}`).rejects.toMatchObject({ code: 'damaged' });
    }
  });

  it('refuses an entry whose bytes changed after opening', async () => {
    const bytes = writeZip(entries);
    const index = await openZip(bytesSource(bytes));
    const e = index.find((x) => x.name.endsWith('packs/abc'))!;
    bytes[e.dataOffset] = 9;
    await expect(indexReader(bytesSource(bytes), index).read('packs/abc')).rejects.toMatchObject({ code: 'damaged' });
  });
});
