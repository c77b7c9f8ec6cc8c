import { describe, expect, it } from 'vitest';
import { article, client, currency, discount, parameters, price } from '@model';
import { catalogWrites, ean13CheckDigit, generateDemoCatalog } from './demo';

describe('demo catalog', () => {
  it('computes EAN-13 check digits', () => {
    expect(ean13CheckDigit('400638133393')).toBe(1);
    expect(ean13CheckDigit('590123412345')).toBe(7);
  });

  it('is deterministic for a seed and different for another', () => {
    expect(generateDemoCatalog({ articles: 50, seed: 1 })).toEqual(generateDemoCatalog({ articles: 50, seed: 1 }));
    expect(generateDemoCatalog({ articles: 50, seed: 2 }).articles).not.toEqual(generateDemoCatalog({ articles: 50, seed: 1 }).articles);
  });

  it('produces records that pass the entity schemas, with valid unique barcodes', () => {
    const c = generateDemoCatalog({ articles: 300, seed: 42 });
    for (const a of c.articles) article.parse(a);
    for (const p of c.prices) price.parse(p);
    for (const d of c.discounts) discount.parse(d);
    for (const x of c.currencies) currency.parse(x);
    for (const x of c.clients) client.parse(x);
    parameters.parse(c.parameters);
    const codes = c.articles.flatMap((a) => a.barcodes);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(Number(code.at(-1))).toBe(ean13CheckDigit(code.slice(0, 12)));
    expect(c.clients).toHaveLength(20);
    expect(c.prices.some((p) => p.validFrom !== null && p.validTo !== null)).toBe(true);
  });

  it('scales to 100,000 articles with unique ids', () => {
    const c = generateDemoCatalog({ articles: 100_000, seed: 7 });
    const writes = catalogWrites(c);
    expect(new Set(writes.map((w) => `${w.kind}/${w.id}`)).size).toBe(writes.length);
    expect(c.articles).toHaveLength(100_000);
  });
});
