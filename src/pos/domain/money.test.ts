import { describe, expect, it } from 'vitest';
import {
  add,
  DomainError,
  lineAmount,
  minor,
  mul,
  mulDiv,
  parseMinor,
  parseQuantity,
  parseRate,
  roundHalfAwayFromZero,
  sub,
} from './money';

describe('minor', () => {
  it('accepts safe integers', () => {
    expect(minor(1250)).toBe(1250);
    expect(minor(-3)).toBe(-3);
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('throws unsafe-integer for %s', (n) => {
    expect(() => minor(n)).toThrow(DomainError);
    try {
      minor(n);
    } catch (e) {
      expect((e as DomainError).code).toBe('unsafe-integer');
    }
  });

  it('adds, subtracts and multiplies by integers', () => {
    expect(add(100, 250, -50)).toBe(300);
    expect(sub(100, 250)).toBe(-150);
    expect(mul(125, 3)).toBe(375);
    expect(() => mul(125, 1.5)).toThrow(DomainError);
    expect(() => add(Number.MAX_SAFE_INTEGER, 1)).toThrow(DomainError);
  });
});

describe('roundHalfAwayFromZero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [5n, -2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [7n, 4n, 2n],
    [6n, 4n, 2n],
    [-6n, 4n, -2n],
    [1n, 3n, 0n],
    [0n, 7n, 0n],
    [149n, 100n, 1n],
    [150n, 100n, 2n],
    [-150n, 100n, -2n],
  ])('%s / %s → %s', (n, d, expected) => {
    expect(roundHalfAwayFromZero(n, d)).toBe(expected);
  });

  it('refuses a zero denominator', () => {
    expect(() => roundHalfAwayFromZero(1n, 0n)).toThrow(DomainError);
  });

  it('mulDiv stays exact beyond float precision', () => {
    // 2^52 × 3 / 3 would lose bits through floats in the intermediate product.
    expect(mulDiv(2 ** 52, 3, 3)).toBe(2 ** 52);
    expect(mulDiv(1, 1, 2)).toBe(1);
    expect(mulDiv(-1, 1, 2)).toBe(-1);
  });
});

describe('parseMinor', () => {
  it.each([
    ['12,50', 2, 1250],
    ['12.50', 2, 1250],
    ['12.5', 2, 1250],
    ['12', 2, 1200],
    ['12.', 2, 1200],
    [',5', 2, 50],
    ['0.07', 2, 7],
    ['  3,00 ', 2, 300],
    ['-4,20', 2, -420],
    ['+4,20', 2, 420],
    ['1 234,56', 2, 123456],
    ['1\u00a0234,56', 2, 123456],
    ['12.500', 2, 1250],
    ['1500', 0, 1500],
    ['1.234', 3, 1234],
    ['0.1', 2, 10],
    ['90071992547409.91', 2, 9007199254740991],
  ])('%j with %i decimals → %i', (text, decimals, expected) => {
    expect(parseMinor(text, decimals)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 2, 'empty'],
    ['   ', 2, 'empty'],
    ['abc', 2, 'invalid'],
    ['12,5,0', 2, 'invalid'],
    ['1,234.50', 2, 'invalid'],
    ['12e3', 2, 'invalid'],
    ['0x10', 2, 'invalid'],
    ['.', 2, 'invalid'],
    ['-', 2, 'invalid'],
    ['12 34', 2, 'invalid'],
    ['1 23,00', 2, 'invalid'],
    ['12.505', 2, 'too-many-decimals'],
    ['1,5', 0, 'too-many-decimals'],
    ['90071992547409.92', 2, 'out-of-range'],
  ])('%j with %i decimals is refused as %s', (text, decimals, reason) => {
    expect(parseMinor(text, decimals)).toEqual({ ok: false, reason });
  });
});

describe('parseQuantity', () => {
  it.each([
    ['3', 'pcs', 3000],
    ['1,5', 'kg', 1500],
    ['0.125', 'kg', 125],
    ['2.000', 'pcs', 2000],
    ['0,75', 'l', 750],
  ] as const)('%j %s → %i milli', (text, unit, expected) => {
    expect(parseQuantity(text, unit)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['1,5', 'pcs', 'not-whole'],
    ['0', 'kg', 'not-positive'],
    ['-1', 'pcs', 'not-positive'],
    ['0.0005', 'kg', 'too-many-decimals'],
    ['two', 'pcs', 'invalid'],
    ['', 'kg', 'empty'],
  ] as const)('%j %s is refused as %s', (text, unit, reason) => {
    expect(parseQuantity(text, unit)).toEqual({ ok: false, reason });
  });
});

describe('parseRate', () => {
  it.each([
    ['4.2731', 42731n, 10000n],
    ['1', 1n, 1n],
    ['0.5', 5n, 10n],
    ['0.00000001', 1n, 100000000n],
  ])('%j → %s/%s', (text, num, den) => {
    expect(parseRate(text)).toEqual({ ok: true, value: { num, den } });
  });

  it.each(['', '0', '0.000', '-1', '1,5', '1e3', 'abc', '1.123456789'])('refuses %j', (text) => {
    expect(parseRate(text)).toEqual({ ok: false, reason: 'invalid-rate' });
  });
});

describe('lineAmount', () => {
  it.each([
    [3000, 199, 597],
    [1500, 1000, 1500],
    [333, 1000, 333],
    [1255, 2, 3], // 2.51 → 3
    [1250, 2, 3], // 2.5 → 3 (half away from zero)
    [1249, 2, 2],
    [-1250, 2, -3],
  ])('%i milli × %i → %i', (qty, price, expected) => {
    expect(lineAmount(qty, price)).toBe(expected);
  });
});
