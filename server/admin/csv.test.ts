import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords, parseDecimalToMinor } from './csv';

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
