import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords, parseDecimalToMinor, readCsvRecords } from './csv';

describe('parseCsvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsvRecords('a,b\r\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });

  it('uses semicolons when the header has no comma', () => {
    expect(parseCsvRecords('sku;name\nA;Tea, green')).toEqual([
      ['sku', 'name'],
      ['A', 'Tea, green'],
    ]);
  });

  it('skips blank lines and a byte-order mark', () => {
    expect(parseCsvRecords('\uFEFFa\n\n1\n')).toEqual([['a'], ['1']]);
  });
});

describe('readCsvRecords on damaged input', () => {
  it('reports a quote never closed at its row instead of reading every following row into one field', () => {
    const r = readCsvRecords('sku,name,price\nA,"Tea,1\nB,Coffee,2\nC,Milk,3\n');
    expect(r.errors).toEqual([{ row: 2, code: 'unclosed_quote', message: expect.stringContaining('never closed') as unknown }]);
  });

  it('numbers the unclosed row as the import does, blank lines not counted', () => {
    expect(readCsvRecords('sku,name\n\nA,Tea\n\nB,"Coffee\nC,Milk').errors.map((e) => [e.row, e.code])).toEqual([[3, 'unclosed_quote']]);
  });

  it('reports text after a closing quote', () => {
    expect(readCsvRecords('sku,name\nA,"Tea"x\n').errors.map((e) => [e.row, e.code])).toEqual([[2, 'bad_quote']]);
  });

  it('keeps quotes inside an unquoted field literally, as before', () => {
    expect(readCsvRecords('a,b\nsay "hi",x\n')).toEqual({ records: [['a', 'b'], ['say "hi"', 'x']], errors: [] });
  });

  it('reads mixed CRLF, LF and CR line ends', () => {
    expect(parseCsvRecords('a,b\r\n1,2\n3,4\r5,6')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('reads 50 000 rows quickly', () => {
    const text = ['sku,name,price', ...Array.from({ length: 50_000 }, (_, i) => `S${i},"Name, ${i}",${i}.50`)].join('\n');
    const t = performance.now();
    const r = parseCsv(text);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(50_000);
    expect(r.rows[49_999]).toEqual({ row: 50_001, values: { sku: 'S49999', name: 'Name, 49999', price: '49999.50' } });
    expect(performance.now() - t).toBeLessThan(20_000);
  });

  it('reads a 1 MB field whole, and reports one never closed once', () => {
    const big = 'x'.repeat(1024 * 1024);
    expect(parseCsv(`sku,name\nA,"${big}"\n`).rows[0]?.values.name).toHaveLength(big.length);
    const open = readCsvRecords(`sku,name\nA,"${big}\nB,c\n`);
    expect(open.errors.map((e) => e.code)).toEqual(['unclosed_quote']);
  });

  it('turns binary garbage into records or parse errors, never a throw or a hang', () => {
    let seed = 42;
    const bytes = Uint8Array.from({ length: 256 * 1024 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    const t = performance.now();
    const r = readCsvRecords(text);
    expect(performance.now() - t).toBeLessThan(20_000);
    expect(r.errors.length).toBeLessThanOrEqual(r.records.length + 1);
    for (const e of r.errors) expect(['unclosed_quote', 'bad_quote', 'bad_csv']).toContain(e.code);
  });
});

describe('parseCsv', () => {
  it('keys rows by lower-cased header and numbers them from 2', () => {
    expect(parseCsv('SKU,VatRate\n A , 5.5 \n').rows).toEqual([{ row: 2, values: { sku: 'A', vatrate: '5.5' } }]);
  });
});

describe('parseDecimalToMinor', () => {
  it.each([
    ['12.50', 2, 1250],
    ['12,5', 2, 1250],
    ['3', 2, 300],
    ['5.5', 2, 550],
    ['0.01', 2, 1],
    ['-1.2', 2, -120],
    ['7', 0, 7],
  ])('reads %s with %i decimals as %i', (text, decimals, expected) => {
    expect(parseDecimalToMinor(text, decimals)).toBe(expected);
  });

  it.each(['12.345', 'abc', '', '1e3', '1.2.3', '99999999999999999'])('refuses %s', (text) => {
    expect(parseDecimalToMinor(text, 2)).toBeNull();
  });
});
