// The one demo shop: a deterministic generator of model records (the same seed gives the same
// shop) for the back office's first start (≈300 articles), the till's offline "demo shop" and
// the 100,000-article benchmarks. It builds records only — the server turns them into record
// writes (server/demo.ts), the till puts them into Dexie (src/pos/services/demo.ts) — and so
// depends on @model alone: no Dexie, no server code, no clock read (`now` is a parameter).
import type {
  Article,
  ArticleGroup,
  Client,
  Currency,
  Discount,
  Operator,
  Parameters,
  Price,
  PriceList,
  Role,
} from '@model';
import { RIGHTS, createPinRecord } from '@model';

/** An operator as the README lists it: the PIN in clear, hashed by `withPinRecords`. */
export interface DemoOperator {
  id: string;
  name: string;
  roleId: string;
  pin: string;
}

export interface DemoShop {
  organization: { id: string; name: string };
  stores: { id: string; name: string }[];
  groups: ArticleGroup[];
  articles: Article[];
  priceLists: PriceList[];
  prices: Price[];
  discounts: Discount[];
  currencies: Currency[];
  clients: Client[];
  roles: Role[];
  operators: DemoOperator[];
  parameters: Parameters;
}

export interface DemoOptions {
  articles: number;
  /** Default 42, the seed of both first-start demos. */
  seed?: number;
  /** Anchor for time-limited prices and discounts (default: a fixed date, for determinism). */
  now?: Date | string;
}

/** Mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 12 digits with their EAN-13 check digit appended (weights 1,3,1,3… from the left). */
export function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return body12 + String((10 - (sum % 10)) % 10);
}

/** EAN-13 check digit of 12 digits. */
export function ean13CheckDigit(first12: string): number {
  return Number(ean13(first12).at(-1));
}

const GROUPS: { name: string; unit: Article['unit']; vat: number; color: string; nouns: string[] }[] = [
  { name: 'Beverages', unit: 'pcs', vat: 2000, color: '#2a7ab0', nouns: ['Cola', 'Lemonade', 'Mineral water', 'Orange juice', 'Iced tea', 'Apple juice'] },
  { name: 'Dairy', unit: 'pcs', vat: 550, color: '#f2d16b', nouns: ['Milk', 'Yoghurt', 'Butter', 'Cream', 'Camembert', 'Comté'] },
  { name: 'Bakery', unit: 'pcs', vat: 550, color: '#c98b4b', nouns: ['Baguette', 'Croissant', 'Brioche', 'Rye bread', 'Pain au chocolat', 'Muffin'] },
  { name: 'Fruit & vegetables', unit: 'kg', vat: 550, color: '#5aa35a', nouns: ['Apples', 'Bananas', 'Tomatoes', 'Carrots', 'Potatoes', 'Pears'] },
  { name: 'Meat & fish', unit: 'kg', vat: 550, color: '#b04a4a', nouns: ['Chicken breast', 'Minced beef', 'Salmon fillet', 'Pork chops', 'Cod', 'Ham'] },
  { name: 'Frozen', unit: 'pcs', vat: 550, color: '#7fc6e8', nouns: ['Ice cream', 'Peas', 'Pizza', 'Fish fingers', 'Spinach', 'Fries'] },
  { name: 'Snacks', unit: 'pcs', vat: 2000, color: '#e89a3c', nouns: ['Crisps', 'Chocolate bar', 'Biscuits', 'Peanuts', 'Pretzels', 'Gummies'] },
  { name: 'Household', unit: 'pcs', vat: 2000, color: '#8c8c8c', nouns: ['Dish soap', 'Sponges', 'Bin bags', 'Detergent', 'Paper towels', 'Candles'] },
  { name: 'Personal care', unit: 'pcs', vat: 2000, color: '#c27bb8', nouns: ['Shampoo', 'Toothpaste', 'Soap', 'Deodorant', 'Shower gel', 'Hand cream'] },
  { name: 'Stationery', unit: 'pcs', vat: 2000, color: '#4b5fc9', nouns: ['Notebook', 'Pens', 'Envelopes', 'Glue stick', 'Tape', 'Pencils'] },
];
const ADJECTIVES = ['Classic', 'Organic', 'Family', 'Premium', 'Light', 'Fresh', 'Local', 'Mini', 'Extra', 'Value'];
const FIRST = ['Anna', 'Marc', 'Olga', 'Piotr', 'Claire', 'John', 'Marta', 'Luc', 'Ivan', 'Sophie'];
const LAST = ['Martin', 'Nowak', 'Ivanova', 'Dubois', 'Smith', 'Kowalska', 'Bernard', 'Petrov', 'Brown', 'Laurent'];

/** The group ids, by name, for tests that pick an article of a group. */
export const DEMO_GROUP_IDS: Readonly<Record<string, string>> = Object.fromEntries(GROUPS.map((g, i) => [g.name, groupId(i)]));

/** The README's operators: Alice 1111 (cashier), Bob 2222 (supervisor), Manager 9999. */
export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { id: 'op-alice', name: 'Alice', roleId: 'role-cashier', pin: '1111' },
  { id: 'op-bob', name: 'Bob', roleId: 'role-supervisor', pin: '2222' },
  { id: 'op-manager', name: 'Manager', roleId: 'role-manager', pin: '9999' },
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
function groupId(index: number): string {
  return `grp-${pad(index + 1, 2)}`;
}
const DAY = 86_400_000;

export function generateDemoShop(options: DemoOptions): DemoShop {
  const rand = seededRandom(options.seed ?? 42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const now = new Date(options.now ?? '2026-01-01T00:00:00Z').getTime();
  const iso = (t: number) => new Date(t).toISOString();
  const groups: ArticleGroup[] = GROUPS.map((g, i) => ({ id: groupId(i), name: g.name, parentId: null, sort: i, color: g.color }));
  const articles: Article[] = [];
  for (let i = 1; i <= options.articles; i++) {
    const gi = Math.floor(rand() * GROUPS.length);
    const g = GROUPS[gi] as (typeof GROUPS)[number];
    const cents = 49 + Math.floor(rand() * 50) * 10 + Math.floor(rand() * 40) * 100;
    const barcodes = [ean13(`20${pad(i, 10)}`)];
    if (rand() < 0.1) barcodes.push(ean13(`30${pad(i, 10)}`));
    articles.push({
      id: `art-${pad(i, 6)}`,
      sku: `SKU${pad(i, 6)}`,
      name: `${pick(ADJECTIVES)} ${pick(g.nouns)} ${i}`,
      groupId: groupId(gi),
      barcodes,
      unit: g.unit,
      vatRate: g.vat,
      price: cents - (cents % 10) + 9,
      active: rand() > 0.02,
    });
  }
  const priceLists: PriceList[] = [
    { id: 'pl-members', name: 'Members', priority: 10 },
    { id: 'pl-promo', name: 'Weekly promotion', priority: 20 },
  ];
  const prices: Price[] = [];
  articles.forEach((a, i) => {
    if (i % 20 === 0) prices.push({ id: `pr-m-${a.id}`, priceListId: 'pl-members', articleId: a.id, amount: Math.round(a.price * 0.9), validFrom: null, validTo: null });
    if (i % 37 === 0) {
      // Time-limited: running this week, one already over, one starting next week.
      const shift = i % 3 === 0 ? -14 * DAY : i % 3 === 1 ? 0 : 7 * DAY;
      prices.push({ id: `pr-p-${a.id}`, priceListId: 'pl-promo', articleId: a.id, amount: Math.round(a.price * 0.75), validFrom: iso(now - DAY + shift), validTo: iso(now + 6 * DAY + shift) });
    }
  });
  const discounts: Discount[] = [
    { id: 'disc-basket', name: '5 % over 50 €', scope: 'basket', targetId: null, kind: 'percent', value: 500, minimum: 5000, validFrom: null, validTo: null, active: true },
    { id: 'disc-bakery', name: 'Bakery −10 %', scope: 'group', targetId: groupId(2), kind: 'percent', value: 1000, minimum: 0, validFrom: iso(now - DAY), validTo: iso(now + 30 * DAY), active: true },
    ...(articles[0] ? [{ id: 'disc-three', name: '1 € off from 3', scope: 'article' as const, targetId: articles[0].id, kind: 'amount' as const, value: 100, minimum: 3000, validFrom: null, validTo: null, active: true }] : []),
  ];
  const currencies: Currency[] = [
    { code: 'EUR', name: 'Euro', decimals: 2, rate: '1', acceptedAsCash: true },
    { code: 'USD', name: 'US dollar', decimals: 2, rate: '0.9234', acceptedAsCash: true },
    { code: 'PLN', name: 'Polish złoty', decimals: 2, rate: '0.2315', acceptedAsCash: true },
    // Not taken as cash: the till offers PLN first for foreign cash.
    { code: 'GBP', name: 'Pound sterling', decimals: 2, rate: '1.1710', acceptedAsCash: false },
  ];
  const clients: Client[] = Array.from({ length: 20 }, (_, i) => ({
    id: `cli-${pad(i + 1, 3)}`,
    name: `${FIRST[i % FIRST.length]} ${LAST[(i * 3 + Math.floor(i / 10)) % LAST.length]}`,
    phone: `+33 6 ${pad(10 + i, 2)} ${pad(Math.floor(rand() * 100), 2)} ${pad(Math.floor(rand() * 100), 2)} ${pad(Math.floor(rand() * 100), 2)}`,
    email: `client${i + 1}@example.com`,
    cardNumber: ean13(`29${pad(i + 1, 10)}`),
    priceListId: i % 4 === 0 ? 'pl-members' : null,
  }));
  const roles: Role[] = [
    { id: 'role-cashier', name: 'Cashier', rights: ['sell'] },
    { id: 'role-supervisor', name: 'Supervisor', rights: [...RIGHTS] },
    { id: 'role-manager', name: 'Manager', rights: [...RIGHTS] },
  ];
  return {
    organization: { id: 'org-demo', name: 'Demo shop' },
    stores: [
      { id: 'store-1', name: 'Demo shop — Centre' },
      { id: 'store-2', name: 'Demo shop — Station' },
    ],
    groups,
    articles,
    priceLists,
    prices,
    discounts,
    currencies,
    clients,
    roles,
    operators: DEMO_OPERATORS.map((o) => ({ ...o })),
    parameters: {
      shopName: 'Demo shop',
      receiptHeader: 'Demo shop\n1 Market Street',
      receiptFooter: 'Thank you for your visit!',
      taxMode: 'inclusive',
      baseCurrency: 'EUR',
      cashRounding: 1,
    },
  };
}

/** The operators as records: each PIN hashed into its PIN record (async, hence apart). */
export async function withPinRecords(operators: readonly DemoOperator[]): Promise<Operator[]> {
  return Promise.all(operators.map(async ({ pin, ...op }) => ({ ...op, ...(await createPinRecord(pin)), active: true })));
}
