// Totals of a cart: applies the stacking order of pricing.ts line by line, then the basket, then
// the per-line VAT rule of tax.ts. Every figure is an integer and the lines add up exactly.
import type { ArticleGroup, Discount } from '@model';
import type { Cart } from './cart';
import { add, lineAmount, minor, sub, sum, ZERO, type Minor, type QtyMilli, type Unit } from './money';
import {
  bestBasketDiscount,
  bestLineDiscount,
  discountAmount,
  distributeProportionally,
  groupAncestry,
  type Instant,
} from './pricing';
import { lineTax, vatSummary, type TaxMode, type VatSummaryRow } from './tax';

export interface TotalsContext {
  taxMode: TaxMode;
  now: Instant;
  /** Automatic discounts (all of them; inactive and out-of-window ones are skipped). */
  discounts?: readonly Discount[];
  /** Article groups, so a group discount also reaches articles of its sub-groups. */
  groups?: readonly Pick<ArticleGroup, 'id' | 'parentId'>[];
}

export interface TotalsLine {
  readonly lineId: string;
  readonly articleId: string | null;
  readonly sku: string;
  readonly name: string;
  readonly unit: Unit;
  readonly qtyMilli: QtyMilli;
  readonly unitPrice: Minor;
  readonly vatRate: number;
  /** qty × unit price, before any discount. */
  readonly gross: Minor;
  readonly autoDiscount: Minor;
  readonly autoDiscountId: string | null;
  readonly manualDiscount: Minor;
  /** This line's share of the basket discount. */
  readonly basketShare: Minor;
  /** Everything taken off the line: auto + manual + basket share (ReceiptLine.discount). */
  readonly discount: Minor;
  /** gross − discount, in the shop's tax mode (gross of VAT if inclusive, net if exclusive). */
  readonly amount: Minor;
  readonly net: Minor;
  readonly vat: Minor;
  /** What the customer pays for the line, VAT included. */
  readonly total: Minor;
}

export interface CartTotals {
  readonly taxMode: TaxMode;
  readonly clientId: string | null;
  readonly lines: readonly TotalsLine[];
  /** Sum of line amounts after line discounts, before the basket discount (tax-mode basis). */
  readonly subtotal: Minor;
  readonly autoBasketDiscount: Minor;
  readonly autoBasketDiscountId: string | null;
  readonly manualBasketDiscount: Minor;
  readonly basketDiscount: Minor;
  /** Sum of the line VATs. */
  readonly vatTotal: Minor;
  /** Amount due: sum of line totals = subtotal − basketDiscount (+ vatTotal when exclusive). */
  readonly total: Minor;
  readonly vatSummary: readonly VatSummaryRow[];
}

interface LineStep {
  gross: Minor;
  autoDiscount: Minor;
  autoDiscountId: string | null;
  manualDiscount: Minor;
  afterLine: Minor;
}

function lineSteps(cart: Cart, ctx: TotalsContext): LineStep[] {
  const discounts = ctx.discounts ?? [];
  return cart.lines.map((line) => {
    const gross = lineAmount(line.qtyMilli, line.unitPrice);
    const auto = bestLineDiscount(
      { articleId: line.articleId, groupIds: groupAncestry(line.groupId, ctx.groups ?? []), qtyMilli: line.qtyMilli, amount: gross },
      discounts,
      ctx.now,
    );
    const autoDiscount = auto?.amount ?? ZERO;
    const afterAuto = sub(gross, autoDiscount);
    const manualDiscount = line.discount ? discountAmount(afterAuto, line.discount) : ZERO;
    return { gross, autoDiscount, autoDiscountId: auto?.discountId ?? null, manualDiscount, afterLine: sub(afterAuto, manualDiscount) };
  });
}

/** Computes every figure of the sale; pure, so the UI may call it on each render. */
export function computeTotals(cart: Cart, ctx: TotalsContext): CartTotals {
  const steps = lineSteps(cart, ctx);
  const subtotal = sum(steps.map((s) => s.afterLine));
  const autoBasket = bestBasketDiscount(subtotal, ctx.discounts ?? [], ctx.now);
  const autoBasketDiscount = autoBasket?.amount ?? ZERO;
  const manualBasketDiscount = cart.basketDiscount
    ? discountAmount(sub(subtotal, autoBasketDiscount), cart.basketDiscount)
    : ZERO;
  const basketDiscount = add(autoBasketDiscount, manualBasketDiscount);
  const shares = distributeProportionally(basketDiscount, steps.map((s) => s.afterLine));

  const lines = cart.lines.map((line, i): TotalsLine => {
    const step = steps[i] as LineStep;
    const basketShare = shares[i] ?? ZERO;
    const amount = sub(step.afterLine, basketShare);
    const tax = lineTax(amount, line.vatRate, ctx.taxMode);
    return {
      lineId: line.lineId,
      articleId: line.articleId,
      sku: line.sku,
      name: line.name,
      unit: line.unit,
      qtyMilli: line.qtyMilli,
      unitPrice: line.unitPrice,
      vatRate: line.vatRate,
      gross: step.gross,
      autoDiscount: step.autoDiscount,
      autoDiscountId: step.autoDiscountId,
      manualDiscount: step.manualDiscount,
      basketShare,
      discount: add(step.autoDiscount, step.manualDiscount, basketShare),
      amount,
      net: tax.net,
      vat: tax.vat,
      total: tax.total,
    };
  });
  return {
    taxMode: ctx.taxMode,
    clientId: cart.clientId,
    lines,
    subtotal,
    autoBasketDiscount,
    autoBasketDiscountId: autoBasket?.discountId ?? null,
    manualBasketDiscount,
    basketDiscount,
    vatTotal: sum(lines.map((l) => l.vat)),
    total: minor(sum(lines.map((l) => l.total))),
    vatSummary: vatSummary(lines),
  };
}
