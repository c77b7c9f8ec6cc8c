// Deterministic demo catalog: groups, articles with valid EAN-13 barcodes and prices, a price
// list with time-limited prices, automatic discounts, currencies, clients, roles and operators.
// The same generator feeds the "demo shop" of a till with no data and the 100,000-article bench.
import type {
  Article,
  ArticleGroup,
  Client,
  Currency,
  Discount,
  Parameters,
  Price,
  PriceList,
  Role,
} from '@model';
import { RIGHTS } from '@model';

export interface DemoOperator {
  id: string;
  name: string;
  roleId: string;
  pin: string;
}

export interface DemoCatalog {
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

export function ean13(body12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body12[i]) * (i % 2 === 0 ? 1 : 3);
  return body12 + String((10 - (sum % 10)) % 10);
}

const GROUPS: [string, string, string][] = [
  ['bakery', 'Bakery', '#e0a96d'],
  ['dairy', 'Dairy', '#a7c7e7'],
  ['fruit', 'Fruit & vegetables', '#8fcf8f'],
  ['drinks', 'Drinks', '#f4a6a6'],
  ['grocery', 'Grocery', '#d9c2f0'],
  ['household', 'Household', '#c8c8c8'],
  ['deli', 'Deli', '#f7d488'],
  ['frozen', 'Frozen', '#b3e5fc'],
];
const WORDS: Record<string, string[]> = {
  bakery: ['Baguette', 'Croissant', 'Rye bread', 'Brioche', 'Pain au chocolat', 'Bagel'],
  dairy: ['Milk', 'Yoghurt', 'Butter', 'Camembert', 'Cream', 'Kefir'],
  fruit: ['Apples', 'Bananas', 'Tomatoes', 'Potatoes', 'Carrots', 'Pears'],
  drinks: ['Mineral water', 'Orange juice', 'Cola', 'Lemonade', 'Green tea', 'Coffee beans'],
  grocery: ['Pasta', 'Rice', 'Olive oil', 'Flour', 'Sugar', 'Honey'],
  household: ['Dish soap', 'Paper towels', 'Sponges', 'Detergent', 'Candles', 'Matches'],
  deli: ['Ham', 'Salami', 'Olives', 'Hummus', 'Smoked salmon', 'Comté'],
  frozen: ['Ice cream', 'Frozen peas', 'Pizza', 'Fish sticks', 'Berries', 'Spinach'],
};
const WEIGHED = new Set(['fruit', 'deli']);
const VARIANTS = ['', ' bio', ' 500 g', ' 1 L', ' family pack', ' premium', ' mini', ' XL'];

export function generateDemoCatalog(options: { articles: number; seed?: number; now?: string }): DemoCatalog {
  const rand = seededRandom(options.seed ?? 42);
  const now = new Date(options.now ?? '2026-01-01T00:00:00Z');
  const groups: ArticleGroup[] = GROUPS.map(([id, name, color], i) => ({ id: `g-${id}`, name, parentId: null, sort: i, color }));
  const articles: Article[] = [];
  for (let i = 0; i < options.articles; i++) {
    const [gid] = GROUPS[i % GROUPS.length]!;
    const words = WORDS[gid]!;
    const base = words[Math.floor(i / GROUPS.length) % words.length]!;
    const round = Math.floor(i / (GROUPS.length * words.length));
    const variant = VARIANTS[round % VARIANTS.length]!;
    const suffix = round >= VARIANTS.length ? ` #${round}` : '';
    const weighed = WEIGHED.has(gid) && i % 3 === 0;
    const barcodes = [ean13(`20${String(100000000 + i).padStart(10, '0')}`)];
    if (i % 10 === 0) barcodes.push(ean13(`30${String(100000000 + i).padStart(10, '0')}`));
    articles.push({
      id: `a-${i + 1}`,
      sku: `SKU${String(i + 1).padStart(6, '0')}`,
      name: `${base}${variant}${suffix}`,
      groupId: `g-${gid}`,
      barcodes,
      unit: weighed ? 'kg' : 'pcs',
      vatRate: gid === 'household' || gid === 'drinks' ? 2000 : 550,
      price: 49 + Math.floor(rand() * 2000),
      active: true,
    });
  }
  const priceLists: PriceList[] = [
    { id: 'pl-retail', name: 'Retail', priority: 0 },
    { id: 'pl-members', name: 'Members', priority: 10 },
  ];
  const inAMonth = new Date(now.getTime() + 30 * 86400_000).toISOString();
  const prices: Price[] = articles
    .filter((_, i) => i % 7 === 0)
    .map((a) => ({ id: `p-${a.id}`, priceListId: 'pl-members', articleId: a.id, amount: Math.max(1, Math.round(a.price * 0.9)), validFrom: null, validTo: inAMonth }));
  const discounts: Discount[] = [
    { id: 'd-bakery', name: 'Bakery -10 %', scope: 'group', targetId: 'g-bakery', kind: 'percent', value: 1000, minimum: 0, validFrom: null, validTo: null, active: true },
    { id: 'd-basket', name: '5 € off from 50 €', scope: 'basket', targetId: null, kind: 'amount', value: 500, minimum: 5000, validFrom: null, validTo: null, active: true },
  ];
  const currencies: Currency[] = [
    { code: 'EUR', name: 'Euro', decimals: 2, rate: '1', acceptedAsCash: true },
    { code: 'USD', name: 'US dollar', decimals: 2, rate: '0.9214', acceptedAsCash: true },
    { code: 'PLN', name: 'Złoty', decimals: 2, rate: '0.2305', acceptedAsCash: true },
    { code: 'GBP', name: 'Pound sterling', decimals: 2, rate: '1.1710', acceptedAsCash: false },
  ];
  const first = ['Marie', 'Jean', 'Anna', 'Piotr', 'Olga', 'Luc', 'Sophie', 'Ivan', 'Ewa', 'Paul'];
  const last = ['Martin', 'Durand', 'Nowak', 'Ivanova', 'Bernard', 'Kowalski', 'Petit', 'Smirnov', 'Moreau', 'Lefèvre'];
  const clients: Client[] = Array.from({ length: 20 }, (_, i) => ({
    id: `c-${i + 1}`,
    name: `${first[i % 10]} ${last[(i * 3) % 10]}`,
    phone: `+33 6 12 34 ${String(10 + i).padStart(2, '0')} ${String(20 + i).padStart(2, '0')}`,
    email: null,
    cardNumber: `CARD${String(1000 + i)}`,
    priceListId: i % 4 === 0 ? 'pl-members' : null,
  }));
  const roles: Role[] = [
    { id: 'r-cashier', name: 'Cashier', rights: ['sell'] },
    { id: 'r-supervisor', name: 'Supervisor', rights: [...RIGHTS] },
    { id: 'r-manager', name: 'Manager', rights: [...RIGHTS] },
  ];
  const operators: DemoOperator[] = [
    { id: 'o-alice', name: 'Alice', roleId: 'r-cashier', pin: '1111' },
    { id: 'o-bob', name: 'Bob', roleId: 'r-supervisor', pin: '2222' },
    { id: 'o-manager', name: 'Manager', roleId: 'r-manager', pin: '9999' },
  ];
  const parameters: Parameters = {
    shopName: 'Demo shop',
    receiptHeader: 'Demo shop\n1 rue du Commerce, 75001 Paris',
    receiptFooter: 'Thank you for your visit!',
    taxMode: 'inclusive',
    baseCurrency: 'EUR',
    cashRounding: 1,
  };
  return { groups, articles, priceLists, prices, discounts, currencies, clients, roles, operators, parameters };
}
