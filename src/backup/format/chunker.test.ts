import { describe, expect, it } from 'vitest';
import { createCutter, cutPieces, parsePack, type Chunk, type Doc } from './chunker';
import { fromUtf8 } from './bytes';

const params = { salt: 'ab12', avgDocs: 16, maxBytes: 1 << 20 };
const docs = (n: number, edit?: (i: number) => string): Doc[] =>
  Array.from({ length: n }, (_, i) => {
    const key = `k${String(i).padStart(5, '0')}`;
    return { key, json: JSON.stringify({ id: key, v: edit?.(i) ?? 'x' }) };
  });

describe('cutPieces', () => {
  it('keeps every document, in order, across packs of about avgDocs', () => {
    const chunks = cutPieces(docs(2000), params);
    expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(2000);
    expect(chunks.length).toBeGreaterThan(2000 / 16 / 2);
    expect(chunks.length).toBeLessThan((2000 / 16) * 2);
    const back = chunks.flatMap((c) => parsePack(fromUtf8(c.plain)));
    expect(back).toEqual(docs(2000).map((d) => JSON.parse(d.json)));
  });

  it('an edited document changes only the pack holding it', () => {
    const before = cutPieces(docs(1000), params);
    const after = cutPieces(docs(1000, (i) => (i === 500 ? 'edited' : 'x')), params);
    expect(after.map((c) => [c.first, c.last])).toEqual(before.map((c) => [c.first, c.last]));
    const differing = after.filter((c, i) => fromUtf8(c.plain) !== fromUtf8(before[i]!.plain));
    expect(differing).toHaveLength(1);
    expect(differing[0]!.first <= 'k00500' && differing[0]!.last >= 'k00500').toBe(true);
  });

  it('a removed key changes at most the pack it was in and merges with the next one only at a cut', () => {
    const all = docs(1000);
    const before = cutPieces(all, params).map((c) => fromUtf8(c.plain));
    const after = cutPieces(all.filter((d) => d.key !== 'k00300'), params).map((c) => fromUtf8(c.plain));
    const unchanged = after.filter((p) => before.includes(p)).length;
    expect(unchanged).toBeGreaterThanOrEqual(before.length - 2);
  });

  it('depends on the salt, so two sets cut differently', () => {
    const a = cutPieces(docs(500), params).map((c) => c.last);
    const b = cutPieces(docs(500), { ...params, salt: 'ffff' }).map((c) => c.last);
    expect(a).not.toEqual(b);
  });

  it('caps a pack at maxBytes', () => {
    const big = cutPieces(docs(300, () => 'y'.repeat(1000)), { ...params, avgDocs: 1_000_000, maxBytes: 10_000 });
    expect(big.length).toBeGreaterThan(20);
    expect(big.every((c) => c.plain.length <= 10_000 + 1100)).toBe(true);
  });
});

describe('createCutter', () => {
  it('streamed in batches of any size, cuts exactly as cutPieces over the whole table', () => {
    const all = docs(3000, (i) => 'y'.repeat(i % 13));
    const whole = cutPieces(all, params);
    for (const batch of [1, 7, 100, 999, 4000]) {
      const out: Chunk[] = [];
      const cutter = createCutter(params, (c) => out.push(c));
      for (let i = 0; i < all.length; i += batch) for (const d of all.slice(i, i + batch)) cutter.push(d);
      cutter.flush();
      cutter.flush();
      expect(out.map((c) => [c.first, c.last, c.rows, fromUtf8(c.plain)])).toEqual(whole.map((c) => [c.first, c.last, c.rows, fromUtf8(c.plain)]));
    }
  });
});
