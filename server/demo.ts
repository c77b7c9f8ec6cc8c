// The demo shop as record writes for the back office's first start and the server bench. The
// records themselves come from the one shared generator (src/demo, imported as @demo).
import type { Operator, RecordKind } from '@model';
import { generateDemoShop, withPinRecords, type DemoOptions, type DemoShop } from '@demo';
import type { RecordWrite } from './store/records';
import { recordIdOf } from './store/records';

export { ean13CheckDigit } from '@demo';
export type { DemoOptions };
export type DemoCatalog = DemoShop;

/** The demo shop's records (the server seeds it with 42; benches pass their own). */
export function generateDemoCatalog(options: DemoOptions): DemoCatalog {
  return generateDemoShop(options);
}

/** The demo operators with their PIN records (hashing is async). */
export function generateDemoOperators(catalog: Pick<DemoShop, 'operators'>): Promise<Operator[]> {
  return withPinRecords(catalog.operators);
}

/** The catalog (and operators) as record writes, groups before the articles that use them. */
export function catalogWrites(catalog: DemoCatalog, operators: Operator[] = []): RecordWrite[] {
  const entries: [RecordKind, Record<string, unknown>[]][] = [
    ['parameters', [catalog.parameters]],
    ['currency', catalog.currencies],
    ['role', catalog.roles],
    ['operator', operators],
    ['articleGroup', catalog.groups],
    ['article', catalog.articles],
    ['priceList', catalog.priceLists],
    ['price', catalog.prices],
    ['discount', catalog.discounts],
    ['client', catalog.clients],
  ];
  return entries.flatMap(([kind, list]) => list.map((data) => ({ kind, id: recordIdOf(kind, data), data })));
}
