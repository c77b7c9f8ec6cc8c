// The business records that travel between the back office and the tills, as zod schemas.
// One source of truth for the server (server/), the sync engine and the till's Dexie tables.
// Money is integer minor units of the shop's base currency; rates and quantities avoid floats.
import { z } from 'zod';

export const isoDateTime = z.string().datetime({ offset: true });
/** Integer minor units (cents, kopeks, grosze), never a float. */
export const minor = z.number().int().refine(Number.isSafeInteger, 'unsafe integer');
/** Basis points: 2000 = 20 %. */
export const basisPoints = z.number().int().min(0).max(100_000);
/** A positive decimal written as text ("4.2731"), parsed without floats. */
export const decimalText = z.string().regex(/^\d{1,12}(\.\d{1,8})?$/);
export const id = z.string().min(1).max(64);

export const articleGroup = z.object({
  id,
  name: z.string().min(1).max(120),
  parentId: id.nullable(),
  sort: z.number().int(),
  color: z.string().max(16).nullable(),
});

export const article = z.object({
  id,
  sku: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  groupId: id.nullable(),
  barcodes: z.array(z.string().min(1).max(64)).max(32),
  /** 'pcs' sells whole units; 'kg', 'l', 'm' sell decimal quantities (weighed). */
  unit: z.enum(['pcs', 'kg', 'l', 'm']),
  vatRate: basisPoints,
  /** Base price in minor units (in the shop's tax mode); price lists may override it. */
  price: minor,
  active: z.boolean(),
});

export const priceList = z.object({
  id,
  name: z.string().min(1).max(120),
  /** Higher wins when several lists price the same article for a sale. */
  priority: z.number().int(),
});

export const price = z.object({
  id,
  priceListId: id,
  articleId: id,
  amount: minor,
  validFrom: isoDateTime.nullable(),
  validTo: isoDateTime.nullable(),
});

export const discount = z.object({
  id,
  name: z.string().min(1).max(120),
  /** What the discount applies to: one article, a group, or the whole basket. */
  scope: z.enum(['article', 'group', 'basket']),
  targetId: id.nullable(),
  kind: z.enum(['percent', 'amount']),
  /** Basis points for 'percent', minor units for 'amount'. */
  value: z.number().int().min(0),
  /** Minimum quantity (milli-units) for article/group, minimum total (minor) for basket. */
  minimum: z.number().int().min(0),
  validFrom: isoDateTime.nullable(),
  validTo: isoDateTime.nullable(),
  active: z.boolean(),
});

export const currency = z.object({
  code: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(1).max(60),
  decimals: z.number().int().min(0).max(4),
  /** Base-currency units for one unit of this currency ("4.2731"); "1" for the base currency. */
  rate: decimalText,
  acceptedAsCash: z.boolean(),
});

export const client = z.object({
  id,
  name: z.string().min(1).max(200),
  phone: z.string().max(32).nullable(),
  email: z.string().max(200).nullable(),
  cardNumber: z.string().max(64).nullable(),
  priceListId: id.nullable(),
});

/** Every right a role may grant, in the order the admin page lists them. */
export const RIGHTS = [
  'sell',
  'discount',
  'voidLine',
  'refund',
  'refundWithoutReceipt',
  'openDrawer',
  'closeShift',
  'settings',
  'backup',
] as const;
export const right = z.enum(RIGHTS);

export const role = z.object({
  id,
  name: z.string().min(1).max(60),
  rights: z.array(right),
});

export const operator = z.object({
  id,
  name: z.string().min(1).max(120),
  roleId: id,
  /** PBKDF2-SHA256 of the PIN, hex; the PIN itself never travels nor is stored. */
  pinHash: z.string().regex(/^[0-9a-f]{64}$/),
  pinSalt: z.string().regex(/^[0-9a-f]{32}$/),
  pinIterations: z.number().int().min(1000),
  active: z.boolean(),
});

export const taxMode = z.enum(['inclusive', 'exclusive']);

export const parameters = z.object({
  shopName: z.string().min(1).max(120),
  receiptHeader: z.string().max(2000),
  receiptFooter: z.string().max(2000),
  taxMode,
  baseCurrency: z.string().regex(/^[A-Z]{3}$/),
  /** Smallest cash coin in minor units, for cash rounding (1 = none). */
  cashRounding: z.number().int().min(1),
});

export type ArticleGroup = z.infer<typeof articleGroup>;
export type Article = z.infer<typeof article>;
export type PriceList = z.infer<typeof priceList>;
export type Price = z.infer<typeof price>;
export type Discount = z.infer<typeof discount>;
export type Currency = z.infer<typeof currency>;
export type Client = z.infer<typeof client>;
export type Right = z.infer<typeof right>;
export type Role = z.infer<typeof role>;
export type Operator = z.infer<typeof operator>;
export type Parameters = z.infer<typeof parameters>;
export type TaxMode = z.infer<typeof taxMode>;

/* ---- What the till creates and pushes ---- */

export const receiptLine = z.object({
  articleId: id.nullable(),
  sku: z.string().max(64),
  name: z.string().min(1).max(200),
  /** Quantity in milli-units (1000 = 1 pcs or 1 kg); negative on refunds. */
  qtyMilli: z.number().int(),
  unitPrice: minor,
  vatRate: basisPoints,
  /** Line discount in minor units (positive = reduces the line). */
  discount: minor,
  /** Final line total after line and basket discounts, in the shop's tax mode. */
  total: minor,
  vat: minor,
});

/**
 * How a customer pays, and what each way means to the till: whether it is cash in the drawer
 * (cash rounding, change, the drawer opens, the Z report's cash count), whether its amount is in
 * a foreign currency, and whether a refund may be paid out that way. A new method is one entry
 * here plus its name in the strings (pay.methods, screens.shift.methods, the admin's method_…).
 */
export const PAYMENT_METHOD_SPECS = {
  cash: { cash: true, foreign: false, refund: true },
  card: { cash: false, foreign: false, refund: true },
  other: { cash: false, foreign: false, refund: true },
  foreignCash: { cash: true, foreign: true, refund: false },
} as const satisfies Record<string, { cash: boolean; foreign: boolean; refund: boolean }>;
type Specs = typeof PAYMENT_METHOD_SPECS;
export type PaymentMethod = keyof Specs;
export const PAYMENT_METHODS = Object.keys(PAYMENT_METHOD_SPECS) as [PaymentMethod, ...PaymentMethod[]];
export const paymentMethod = z.enum(PAYMENT_METHODS);
/** Methods paid in the base currency with no cash handling: the cashier types the amount. */
export type PlainMethod = { [M in PaymentMethod]: Specs[M]['cash'] extends false ? (Specs[M]['foreign'] extends false ? M : never) : never }[PaymentMethod];
/** The methods a refund may be paid out with. */
export type RefundMethod = { [M in PaymentMethod]: Specs[M]['refund'] extends true ? M : never }[PaymentMethod];
export const REFUND_METHODS = PAYMENT_METHODS.filter((m) => PAYMENT_METHOD_SPECS[m].refund) as RefundMethod[];
export const isCashMethod = (m: PaymentMethod): boolean => PAYMENT_METHOD_SPECS[m].cash;

export const tender = z.object({
  method: paymentMethod,
  /** Amount in base-currency minor units counted against the amount due. */
  amount: minor,
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** For foreign cash: the amount handed over in that currency's minor units, and the rate used. */
  foreignAmount: minor.nullable(),
  rate: decimalText.nullable(),
  label: z.string().max(60).nullable(),
});

export const receipt = z.object({
  id,
  /** Sequential number per till, with the till's prefix: "T1-000042". */
  number: z.string().min(1).max(40),
  kind: z.enum(['sale', 'refund']),
  tillId: id,
  shiftId: id,
  operatorId: id,
  clientId: id.nullable(),
  /** For a refund: the receipt it refunds, if any. */
  refundOf: id.nullable(),
  createdAt: isoDateTime,
  currency: z.string().regex(/^[A-Z]{3}$/),
  taxMode,
  lines: z.array(receiptLine).min(1).max(1000),
  basketDiscount: minor,
  subtotal: minor,
  vatTotal: minor,
  total: minor,
  tenders: z.array(tender).max(20),
  change: minor,
});

export const shiftReport = z.object({
  id,
  tillId: id,
  number: z.number().int().min(1),
  openedBy: id,
  closedBy: id.nullable(),
  openedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  openingFloat: minor,
  cashIn: minor,
  cashOut: minor,
  salesCount: z.number().int().min(0),
  refundsCount: z.number().int().min(0),
  salesTotal: minor,
  refundsTotal: minor,
  /** Per tender method, in base minor units. */
  byMethod: z.record(z.string(), minor),
  expectedCash: minor,
  countedCash: minor.nullable(),
  difference: minor.nullable(),
});

export type ReceiptLine = z.infer<typeof receiptLine>;
export type Tender = z.infer<typeof tender>;
export type Receipt = z.infer<typeof receipt>;
export type ShiftReport = z.infer<typeof shiftReport>;
