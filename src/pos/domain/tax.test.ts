import { describe, expect, it } from 'vitest';
import { DomainError } from './money';
import { lineTax, vatSummary } from './tax';

describe('lineTax, inclusive mode (price includes VAT)', () => {
  it.each([
    // total, rate (bp), vat, net
    [1200, 2000, 200, 1000],
    [1000, 2000, 167, 833], // 166.67
    [3, 2000, 1, 2], // 0.5 → 1: half away from zero
    [9, 2000, 2, 7], // 1.5 → 2
    [15, 2000, 3, 12], // 2.5 → 3
    [14, 2000, 2, 12], // 2.33
    [5, 10000, 3, 2], // 2.5 → 3
    [1050, 500, 50, 1000],
    [999, 0, 0, 999],
    [0, 2000, 0, 0],
    [-3, 2000, -1, -2], // refund: -0.5 → -1
    [-15, 2000, -3, -12], // refund: -2.5 → -3
    [-1000, 2000, -167, -833],
  ])('total %i at %i bp → VAT %i, net %i', (total, rate, vat, net) => {
    expect(lineTax(total, rate, 'inclusive')).toEqual({ net, vat, total });
  });
});

describe('lineTax, exclusive mode (VAT added)', () => {
  it.each([
    // net, rate (bp), vat, total
    [1000, 2000, 200, 1200],
    [1250, 700, 88, 1338], // 87.5 → 88
    [1249, 700, 87, 1336], // 87.43
    [5, 1000, 1, 6], // 0.5 → 1
    [15, 1000, 2, 17], // 1.5 → 2
    [1, 500, 0, 1], // 0.05
    [833, 2000, 167, 1000], // 166.6
    [0, 2000, 0, 0],
    [-1250, 700, -88, -1338], // refund: -87.5 → -88
    [-5, 1000, -1, -6], // refund: -0.5 → -1
  ])('net %i at %i bp → VAT %i, total %i', (net, rate, vat, total) => {
    expect(lineTax(net, rate, 'exclusive')).toEqual({ net, vat, total });
  });

  it('gives a refund exactly the negative of the sale, in both modes', () => {
    for (const mode of ['inclusive', 'exclusive'] as const) {
      for (let amount = 1; amount < 400; amount += 7) {
        const sale = lineTax(amount, 2300, mode);
        const refund = lineTax(-amount, 2300, mode);
        expect([refund.net, refund.vat, refund.total]).toEqual([0 - sale.net, 0 - sale.vat, 0 - sale.total]);
      }
    }
  });

  it('refuses an impossible rate as a bug', () => {
    expect(() => lineTax(100, -1, 'exclusive')).toThrow(DomainError);
    expect(() => lineTax(100, 12.5, 'inclusive')).toThrow(DomainError);
  });
});

describe('vatSummary', () => {
  it('sums rounded line values per rate, ordered by rate', () => {
    const lines = [
      { vatRate: 2000, net: 2, vat: 1, total: 3 },
      { vatRate: 500, net: 1000, vat: 50, total: 1050 },
      { vatRate: 2000, net: 2, vat: 1, total: 3 },
      { vatRate: 2000, net: -2, vat: -1, total: -3 },
    ];
    expect(vatSummary(lines)).toEqual([
      { rate: 500, net: 1000, vat: 50, total: 1050 },
      { rate: 2000, net: 2, vat: 1, total: 3 },
    ]);
  });

  it('is empty for no lines', () => {
    expect(vatSummary([])).toEqual([]);
  });
});
