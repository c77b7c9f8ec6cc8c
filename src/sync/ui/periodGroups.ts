// Seed 003's exchange settings group the categories: goods (articles, prices), employees
// (rights) and the others. A group's period is written to each of its categories.
import type { SyncStateRow } from '../../db/schema';
import { CATEGORIES, CATEGORY_SPECS, type Category, type PeriodGroup } from '@model';

/** The categories of each group, from the model's category table (CATEGORY_SPECS.periodGroup). */
export const PERIOD_GROUPS = {
  goods: CATEGORIES.filter((c) => CATEGORY_SPECS[c].periodGroup === 'goods'),
  employees: CATEGORIES.filter((c) => CATEGORY_SPECS[c].periodGroup === 'employees'),
  other: CATEGORIES.filter((c) => CATEGORY_SPECS[c].periodGroup === 'other'),
} satisfies Record<PeriodGroup, readonly Category[]>;
export type { PeriodGroup };

/** A group's current period: the first of its categories that has one (they are saved together). */
export function groupPeriods(rows: readonly SyncStateRow[]): Record<PeriodGroup, number | null> {
  const of = (g: PeriodGroup) => PERIOD_GROUPS[g].map((c) => rows.find((r) => r.category === c)?.periodSec ?? null).find((p) => p !== null) ?? null;
  return { goods: of('goods'), employees: of('employees'), other: of('other') };
}

export function categoryPeriods(groups: Record<PeriodGroup, number | null>): Record<Category, number | null> {
  const out = {} as Record<Category, number | null>;
  for (const [g, cats] of Object.entries(PERIOD_GROUPS) as [PeriodGroup, readonly Category[]][]) for (const c of cats) out[c] = groups[g];
  return out;
}
