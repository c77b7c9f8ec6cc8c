// Unit prices from price lists, automatic discounts, and how discounts stack.
//
// STACKING ORDER (written once here; docs/domain-rules.md has a worked example):
// Line, in this order, each step on what the previous one left:
//   1. unit price: the client's price list if it prices the article now, else the highest-priority
//      list that does, else article.price; amount = round(qty × unit price / 1000).
//   2. automatic article/group discount: the BEST SINGLE one that applies (largest amount;
//      never compounded with another automatic one).
//   3. the manual line discount (percent of what is left, or an amount), capped at what is left.
// Basket, after every line is done (subtotal = sum of the lines' amounts):
//   4. the best single automatic basket discount whose minimum the subtotal reaches,
//   5. then the manual basket discount on what is left, capped at it.
//   The basket discount (4 + 5) is spread over the lines proportionally to their amounts
//   (rounded down), the remainder going to the largest line (spilling to the next largest only
//   if that line would go below zero), so the line amounts sum exactly to subtotal − basket.
// Percentages are basis points; "amount" discounts on article/group are once per line, not per
// unit. Nothing ever takes a line or the basket below zero.
import type { Article, ArticleGroup, Discount, Price, PriceList } from '@model';
import { DomainError, minor, mulDiv, ZERO, type Minor } from './money';

/** A point in time as an ISO 8601 string or epoch milliseconds (never read from a clock here). */
export type Instant = string | number;

export function toEpochMs(now: Instant): number {
  const ms = typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new DomainError('invalid-argument', `instant ${String(now)}`);
  return ms;
}

export function toIso(now: Instant): string {
  return new Date(toEpochMs(now)).toISOString();
}

/** Validity window: validFrom inclusive, validTo exclusive; null means open-ended. */
export function isValidAt(window: { validFrom: string | null; validTo: string | null }, nowMs: number): boolean {
  if (window.validFrom !== null && nowMs < toEpochMs(window.validFrom)) return false;
  if (window.validTo !== null && nowMs >= toEpochMs(window.validTo)) return false;
  return true;
}

export type PriceSource = { kind: 'priceList'; priceListId: string; priceId: string } | { kind: 'article' };

export interface EffectivePriceInput {
  article: Pick<Article, 'id' | 'price'>;
  prices: readonly Price[];
  priceLists: readonly PriceList[];
  /** The attached client's list, preferred when it prices the article. */
  priceListId?: string | null;
  now: Instant;
}

/**
 * The unit price of an article at `now`. Among several valid prices of one list the one with the
 * latest validFrom wins; among lists of equal priority the lower amount wins, then the lower id.
 * Prices of lists that are not known are ignored.
 */
export function effectiveUnitPrice(input: EffectivePriceInput): { unitPrice: Minor; source: PriceSource } {
  const nowMs = toEpochMs(input.now);
  const priority = new Map(input.priceLists.map((l) => [l.id, l.priority]));
  const valid = input.prices.filter(
    (p) => p.articleId === input.article.id && priority.has(p.priceListId) && isValidAt(p, nowMs),
  );
  const fromClient = valid.filter((p) => input.priceListId != null && p.priceListId === input.priceListId);
  const candidates = fromClient.length > 0 ? fromClient : valid;
  const best = [...candidates].sort((a, b) => comparePrices(a, b, priority))[0];
  if (!best) return { unitPrice: minor(input.article.price), source: { kind: 'article' } };
  return { unitPrice: minor(best.amount), source: { kind: 'priceList', priceListId: best.priceListId, priceId: best.id } };
}

function comparePrices(a: Price, b: Price, priority: Map<string, number>): number {
  const byPriority = (priority.get(b.priceListId) ?? 0) - (priority.get(a.priceListId) ?? 0);
  if (byPriority !== 0) return byPriority;
  if (a.priceListId === b.priceListId) {
    const fromA = a.validFrom === null ? -Infinity : toEpochMs(a.validFrom);
    const fromB = b.validFrom === null ? -Infinity : toEpochMs(b.validFrom);
    if (fromA !== fromB) return fromB - fromA;
  }
  if (a.amount !== b.amount) return a.amount - b.amount;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The article's group and its ancestors, nearest first (cycles in the data are cut). */
export function groupAncestry(groupId: string | null, groups: readonly Pick<ArticleGroup, 'id' | 'parentId'>[]): string[] {
  const parent = new Map(groups.map((g) => [g.id, g.parentId]));
  const out: string[] = [];
  let current = groupId;
  while (current !== null && !out.includes(current)) {
    out.push(current);
    current = parent.get(current) ?? null;
  }
  return out;
}

export type ManualDiscount = { kind: 'percent'; value: number } | { kind: 'amount'; value: number };

/** What a discount takes off `base`, rounded half away from zero, never more than base. */
export function discountAmount(base: number, d: { kind: 'percent' | 'amount'; value: number }): Minor {
  if (base <= 0 || d.value <= 0) return ZERO;
  const raw = d.kind === 'percent' ? mulDiv(base, d.value, 10_000) : minor(d.value);
  return minor(Math.min(raw, base));
}

export interface AppliedDiscount {
  readonly discountId: string;
  readonly amount: Minor;
}

function pickBest(candidates: readonly Discount[], base: number): AppliedDiscount | null {
  let best: AppliedDiscount | null = null;
  for (const d of candidates) {
    const amount = discountAmount(base, d);
    if (amount <= 0) continue;
    if (!best || amount > best.amount || (amount === best.amount && d.id < best.discountId)) {
      best = { discountId: d.id, amount };
    }
  }
  return best;
}

export interface LineForDiscount {
  articleId: string | null;
  /** The article's group and ancestors (see groupAncestry). */
  groupIds: readonly string[];
  qtyMilli: number;
  /** The line amount after step 1. */
  amount: number;
}

/** Step 2: the best single automatic article/group discount for a line, or null. */
export function bestLineDiscount(line: LineForDiscount, discounts: readonly Discount[], now: Instant): AppliedDiscount | null {
  const nowMs = toEpochMs(now);
  const applicable = discounts.filter(
    (d) =>
      d.active &&
      isValidAt(d, nowMs) &&
      line.qtyMilli >= d.minimum &&
      ((d.scope === 'article' && line.articleId !== null && d.targetId === line.articleId) ||
        (d.scope === 'group' && d.targetId !== null && line.groupIds.includes(d.targetId))),
  );
  return pickBest(applicable, line.amount);
}

/** Step 4: the best single automatic basket discount for a subtotal, or null. */
export function bestBasketDiscount(subtotal: number, discounts: readonly Discount[], now: Instant): AppliedDiscount | null {
  const nowMs = toEpochMs(now);
  const applicable = discounts.filter(
    (d) => d.scope === 'basket' && d.active && isValidAt(d, nowMs) && subtotal >= d.minimum,
  );
  return pickBest(applicable, subtotal);
}

/**
 * Spreads `total` over lines proportionally to `weights` (all ≥ 0, total ≤ their sum): each
 * share rounded down, the remainder to the largest line (first of equals), spilling to the next
 * largest if it would exceed a line's weight. The shares sum exactly to `total`.
 */
export function distributeProportionally(total: number, weights: readonly number[]): Minor[] {
  const whole = weights.reduce((s, w) => s + w, 0);
  if (total < 0 || total > whole || weights.some((w) => w < 0)) {
    throw new DomainError('invalid-argument', `cannot spread ${total} over ${whole}`);
  }
  if (total === 0) return weights.map(() => ZERO);
  const shares = weights.map((w) => Number((BigInt(total) * BigInt(w)) / BigInt(whole)));
  let remainder = total - shares.reduce((s, x) => s + x, 0);
  const byLargest = weights.map((w, i) => ({ w, i })).sort((a, b) => b.w - a.w || a.i - b.i);
  for (const { w, i } of byLargest) {
    if (remainder === 0) break;
    const room = w - (shares[i] ?? 0);
    const take = Math.min(room, remainder);
    shares[i] = (shares[i] ?? 0) + take;
    remainder -= take;
  }
  return shares.map(minor);
}
