// The open sale as an immutable, JSON-serialisable value (it is parked as is) and the operations
// the till performs on it. Every operation returns a new cart; expected failures are values.
import type { Article } from '@model';
import { isValidQuantity, lineAmount, minor, type Minor, type QtyMilli, type Result, type Unit } from './money';
import type { ManualDiscount } from './pricing';

export interface CartLine {
  /** Stable within the cart ("L1", "L2"…), so the UI can address a line after edits. */
  readonly lineId: string;
  /** null for a free line (an item not in the catalogue). */
  readonly articleId: string | null;
  readonly sku: string;
  readonly name: string;
  readonly unit: Unit;
  readonly groupId: string | null;
  readonly qtyMilli: QtyMilli;
  readonly unitPrice: Minor;
  /** Basis points. */
  readonly vatRate: number;
  readonly discount: ManualDiscount | null;
}

export interface Cart {
  readonly lines: readonly CartLine[];
  readonly basketDiscount: ManualDiscount | null;
  readonly clientId: string | null;
  readonly priceListId: string | null;
  readonly nextLineNo: number;
}

export type CartFailure =
  | 'unknown-line'
  | 'invalid-quantity'
  | 'inactive-article'
  | 'invalid-price'
  | 'invalid-discount'
  | 'discount-exceeds-line'
  | 'invalid-name'
  | 'cart-full';

/** A receipt holds at most this many lines (entities.receipt). */
export const MAX_LINES = 1000;

export type CartResult = Result<Cart, CartFailure>;

export function emptyCart(): Cart {
  return { lines: [], basketDiscount: null, clientId: null, priceListId: null, nextLineNo: 1 };
}

export function isEmpty(cart: Cart): boolean {
  return cart.lines.length === 0;
}

const ok = (cart: Cart): CartResult => ({ ok: true, value: cart });
const fail = (reason: CartFailure): CartResult => ({ ok: false, reason });

export type CartArticle = Pick<Article, 'id' | 'sku' | 'name' | 'unit' | 'groupId' | 'vatRate' | 'active'>;

/**
 * Adds an article at the given unit price (from pricing.effectiveUnitPrice). Adding a piece
 * article already in the cart adds to that line's quantity; weighed goods get a line per weighing.
 */
export function addArticle(cart: Cart, article: CartArticle, unitPrice: number, qtyMilli: QtyMilli = 1000): CartResult {
  if (!article.active) return fail('inactive-article');
  if (!isValidQuantity(qtyMilli, article.unit)) return fail('invalid-quantity');
  if (!Number.isSafeInteger(unitPrice) || unitPrice < 0) return fail('invalid-price');
  const existing = article.unit === 'pcs' ? cart.lines.find((l) => l.articleId === article.id) : undefined;
  if (existing) return setQuantity(cart, existing.lineId, existing.qtyMilli + qtyMilli);
  if (cart.lines.length >= MAX_LINES) return fail('cart-full');
  return ok(
    appendLine(cart, {
      articleId: article.id,
      sku: article.sku,
      name: article.name,
      unit: article.unit,
      groupId: article.groupId,
      qtyMilli,
      unitPrice: minor(unitPrice),
      vatRate: article.vatRate,
      discount: null,
    }),
  );
}

export interface FreeLineInput {
  sku: string;
  name: string;
  unit: Unit;
  qtyMilli: QtyMilli;
  unitPrice: number;
  vatRate: number;
}

/** Adds a line for an item that is not in the catalogue (never merged). */
export function addFreeLine(cart: Cart, input: FreeLineInput): CartResult {
  if (!isValidQuantity(input.qtyMilli, input.unit)) return fail('invalid-quantity');
  if (!Number.isSafeInteger(input.unitPrice) || input.unitPrice < 0) return fail('invalid-price');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200 || input.sku.length > 64) return fail('invalid-name');
  if (cart.lines.length >= MAX_LINES) return fail('cart-full');
  return ok(
    appendLine(cart, { ...input, name, articleId: null, groupId: null, unitPrice: minor(input.unitPrice), discount: null }),
  );
}

function appendLine(cart: Cart, line: Omit<CartLine, 'lineId'>): Cart {
  return {
    ...cart,
    lines: [...cart.lines, { ...line, lineId: `L${cart.nextLineNo}` }],
    nextLineNo: cart.nextLineNo + 1,
  };
}

function updateLine(cart: Cart, lineId: string, change: (line: CartLine) => CartLine | CartFailure): CartResult {
  const line = cart.lines.find((l) => l.lineId === lineId);
  if (!line) return fail('unknown-line');
  const next = change(line);
  if (typeof next === 'string') return fail(next);
  return ok({ ...cart, lines: cart.lines.map((l) => (l.lineId === lineId ? next : l)) });
}

/** Sets a line's quantity; a manual amount discount larger than the new line is refused. */
export function setQuantity(cart: Cart, lineId: string, qtyMilli: QtyMilli): CartResult {
  return updateLine(cart, lineId, (line) => {
    if (!isValidQuantity(qtyMilli, line.unit)) return 'invalid-quantity';
    const next = { ...line, qtyMilli };
    return discountFits(next, line.discount) ?? next;
  });
}

export function removeLine(cart: Cart, lineId: string): CartResult {
  if (!cart.lines.some((l) => l.lineId === lineId)) return fail('unknown-line');
  return ok({ ...cart, lines: cart.lines.filter((l) => l.lineId !== lineId) });
}

function checkDiscount(d: ManualDiscount | null): CartFailure | null {
  if (d === null) return null;
  if (!Number.isSafeInteger(d.value) || d.value < 0) return 'invalid-discount';
  if (d.kind === 'percent' && d.value > 10_000) return 'discount-exceeds-line';
  return null;
}

function discountFits(line: CartLine, d: ManualDiscount | null): CartFailure | null {
  const invalid = checkDiscount(d);
  if (invalid) return invalid;
  if (d?.kind === 'amount' && d.value > lineAmount(line.qtyMilli, line.unitPrice)) return 'discount-exceeds-line';
  return null;
}

/**
 * Sets (or clears with null) the manual line discount. It may not exceed the undiscounted line;
 * computeTotals also caps it at what the automatic discount left.
 */
export function setLineDiscount(cart: Cart, lineId: string, discount: ManualDiscount | null): CartResult {
  return updateLine(cart, lineId, (line) => discountFits(line, discount) ?? { ...line, discount });
}

/** Sets (or clears) the manual basket discount; computeTotals caps it at what is left. */
export function setBasketDiscount(cart: Cart, discount: ManualDiscount | null): CartResult {
  const invalid = checkDiscount(discount);
  return invalid ? fail(invalid) : ok({ ...cart, basketDiscount: discount });
}

/** Re-prices a catalogue line for a price list; return null to keep the line's price. */
export type Repricer = (line: CartLine, priceListId: string | null) => number | null;

/**
 * Attaches (or detaches, with null) a client and re-prices catalogue lines for the client's price
 * list through `reprice` (built by the caller on pricing.effectiveUnitPrice).
 */
export function attachClient(
  cart: Cart,
  client: { id: string; priceListId: string | null } | null,
  reprice: Repricer,
): Cart {
  const priceListId = client?.priceListId ?? null;
  const lines = cart.lines.map((line) => {
    if (line.articleId === null) return line;
    const price = reprice(line, priceListId);
    return price === null ? line : { ...line, unitPrice: minor(price) };
  });
  return { ...cart, lines, clientId: client?.id ?? null, priceListId };
}
