// Seed 003's exchange settings group the categories: goods (articles, prices), employees
// (rights) and the others. A group's period is written to each of its categories.
import type { SyncStateRow } from '../../db/schema';
import type { Category } from '@model';

export const PERIOD_GROUPS = {
  goods: ['articles', 'prices'],
  employees: ['rights'],
  other: ['currencies', 'clients', 'parameters'],
} as const satisfies Record<string, readonly Category[]>;
export type PeriodGroup = keyof typeof PERIOD_GROUPS;

/** A group's current period: its first category's (they are saved together). */
export function groupPeriods(rows: readonly SyncStateRow[]): Record<PeriodGroup, number | null> {
  const of = (c: Category) => rows.find((r) => r.category === c)?.periodSec ?? null;
  return { goods: of('articles') ?? of('prices'), employees: of('rights'), other: of('currencies') ?? of('clients') ?? of('parameters') };
}

export function categoryPeriods(groups: Record<PeriodGroup, number | null>): Record<Category, number | null> {
  const out = {} as Record<Category, number | null>;
  for (const [g, cats] of Object.entries(PERIOD_GROUPS) as [PeriodGroup, readonly Category[]][]) for (const c of cats) out[c] = groups[g];
  return out;
}
