import { describe, expect, it } from 'vitest';
import { formatMoney, formatPercent, formatQuantity, moneyToInput, parseMoney, parsePercent, parseQuantity, percentToInput, quantityToInput } from './numbers';

describe('parseMoney', () => {
  it.each([
    ['12.34', 1234],
    ['12,34', 1234],
    ['12', 1200],
    ['12.5', 1250],
    ['0.05', 5],
    ['.5', 50],
    ['1 234,50', 123450],
    ['  7 ', 700],
    ['0', 0],
  ])('reads %j as %i minor units', (text, minor) => {
    expect(parseMoney(text, 2)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['', 'required'],
    ['abc', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['12.345', 'too_many_decimals'],
    ['-1', 'negative'],
    ['99999999999999999', 'too_large'],
  ])('rejects %j with reason %s', (text, reason) => {
    expect(parseMoney(text, 2)).toEqual({ ok: false, reason });
  });

  it('accepts negatives only when asked', () => {
    expect(parseMoney('-1.50', 2, { allowNegative: true })).toEqual({ ok: true, value: -150 });
  });

  it('never goes through a float (0.29 stays 29 cents)', () => {
    expect(parseMoney('0.29', 2)).toEqual({ ok: true, value: 29 });
    expect(parseMoney('1.13', 2)).toEqual({ ok: true, value: 113 });
  });
});

describe('money in the currency\'s own decimals', () => {
  it('reads and writes a JPY amount (no decimals)', () => {
    expect(parseMoney('1 234', 0)).toEqual({ ok: true, value: 1234 });
    expect(parseMoney('1234', 0)).toEqual({ ok: true, value: 1234 });
    expect(parseMoney('12.5', 0)).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(moneyToInput(1234, 0)).toBe('1234');
    expect(formatMoney(123456, 0, 'en')).toBe('123,456');
  });

  it('reads and writes a KWD amount (three decimals)', () => {
    expect(parseMoney('12.345', 3)).toEqual({ ok: true, value: 12345 });
    expect(parseMoney('2,5', 3)).toEqual({ ok: true, value: 2500 });
    expect(parseMoney('1.2345', 3)).toEqual({ ok: false, reason: 'too_many_decimals' });
    expect(moneyToInput(2500, 3)).toBe('2.500');
    expect(formatMoney(1234567, 3, 'en')).toBe('1,234.567');
    expect(formatMoney(1234567, 3, 'fr').replace(/\s/g, ' ')).toBe('1 234,567');
  });
});

describe('money display', () => {
  it.each([
    [1234, '12.34'],
    [5, '0.05'],
    [0, '0.00'],
    [-150, '-1.50'],
  ])('writes %i minor units into an input as %s', (minor, text) => {
    expect(moneyToInput(minor, 2)).toBe(text);
  });

  it('groups thousands and uses the locale decimal separator', () => {
    expect(formatMoney(123456789, 2, 'en')).toBe('1,234,567.89');
    expect(formatMoney(-5, 2, 'en')).toBe('-0.05');
    expect(formatMoney(123450, 2, 'fr').replace(/\s/g, ' ')).toBe('1 234,50');
  });
});

describe('percent in basis points', () => {
  it.each([
    ['20', 2000],
    ['5.5', 550],
    ['5,5 %', 550],
    ['0.01', 1],
    ['0', 0],
  ])('reads %j as %i basis points', (text, bp) => {
    expect(parsePercent(text)).toEqual({ ok: true, value: bp });
  });

  it('refuses a third decimal', () => {
    expect(parsePercent('5.555')).toEqual({ ok: false, reason: 'too_many_decimals' });
  });

  it.each([
    [2000, '20'],
    [550, '5.5'],
    [1, '0.01'],
    [0, '0'],
  ])('shows %i basis points as %s', (bp, text) => {
    expect(percentToInput(bp)).toBe(text);
  });
});

describe('percent display', () => {
  it('uses the locale decimal separator', () => {
    expect(formatPercent(550, 'fr')).toBe('5,5 %');
    expect(formatPercent(2000, 'en')).toBe('20 %');
  });
});

describe('quantities in milli-units', () => {
  it('round-trips a weighed quantity', () => {
    expect(parseQuantity('1,5')).toEqual({ ok: true, value: 1500 });
    expect(quantityToInput(1500)).toBe('1.5');
    expect(quantityToInput(2000)).toBe('2');
    expect(formatQuantity(1500, 'fr')).toBe('1,5');
  });
});
