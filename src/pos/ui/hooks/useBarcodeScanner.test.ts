import { describe, expect, it } from 'vitest';
import { feedScanKey, type ScanBuffer } from './useBarcodeScanner';

function type(keys: string[], gapMs: number): (string | null)[] {
  let buf: ScanBuffer = { text: '', lastAt: 0 };
  const codes: (string | null)[] = [];
  keys.forEach((k, i) => {
    const r = feedScanKey(buf, k, 1000 + i * gapMs);
    buf = r.buf;
    if (k === 'Enter') codes.push(r.code);
  });
  return codes;
}

describe('keyboard-wedge scanner detection', () => {
  it('returns the code typed in a fast burst ended by Enter', () => {
    expect(type([...'2000001000016', 'Enter'], 10)).toEqual(['2000001000016']);
  });
  it('drops keys typed slower than a scanner', () => {
    expect(type([...'20000010', 'Enter'], 200)).toEqual([null]);
  });
  it('ignores Enter alone and too-short bursts', () => {
    expect(type(['1', '2', 'Enter', 'Enter'], 5)).toEqual([null, null]);
  });
  it('keeps receipt codes with a prefix', () => {
    expect(type([...'R:D1-000001', 'Enter'], 5)).toEqual(['R:D1-000001']);
  });
});
