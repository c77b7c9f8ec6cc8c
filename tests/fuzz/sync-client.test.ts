// Fuzzing the till's sync engine with malformed pull answers (msw at the network edge, Dexie on
// fake-indexeddb): wrong types, missing fields, bad or truncated JSON, wrong content types,
// records failing their schema, huge numbers, negative revisions, duplicate ids, checkpoints
// going backwards, error statuses with garbage bodies. For each of ≥ 1,000 answers: the pull
// fails, nothing is written to the local tables (dump before and after), and the category's
// status row carries the reason.
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgDatabase } from '../../src/db/schema';
import { toLocalRow } from '../../src/sync/localRows';
import { syncStoreOf } from '../../src/sync/dexieStore';
import { getSyncStates } from '../../src/sync/engine/link';
import { pullCategory } from '../../src/sync/engine/pull';
import { CATEGORIES, CATEGORY_KINDS, type Category, type PulledRecord, type RecordKind } from '@model';
import { API_PREFIX, pullResponse } from '@model';
import { BACK_OFFICE_URL, TestBackOffice } from '../../src/sync/testing/testBackOffice';
import { aPrice, anArticle, engineDeps, freshDb, pairWith } from '../../src/sync/testing/fixtures';
import { fuzzParams, jsonPaths, mutatedJson, replaceAt, watchUnhandled } from './seed';

/** One answer of the fuzzed server. */
interface Answer {
  status: number;
  contentType: string | null;
  body: string | Uint8Array;
  what: string;
}

const server = setupServer();
const unhandled = watchUnhandled();
let backOffice: TestBackOffice | undefined;
let db: OrgDatabase;
/** The answers of the current run, in order; once they are used up the network is down (so a
 * till that keeps asking — a loop — ends as offline and fails the property). */
let queue: Answer[] = [];
let answered = 0;

/** A valid record per kind, as the back office sends it. */
const RECORDS: Record<RecordKind, (n: number) => { id: string; data: unknown }> = {
  article: (n) => ({ id: `a${n}`, data: anArticle(n) }),
  articleGroup: (n) => ({ id: `g${n}`, data: { id: `g${n}`, name: `Group ${n}`, parentId: null, sort: n, color: null } }),
  priceList: (n) => ({ id: `pl${n}`, data: { id: `pl${n}`, name: `List ${n}`, priority: n } }),
  price: (n) => ({ id: `p${n}`, data: aPrice(n, 100 + n) }),
  discount: (n) => ({
    id: `d${n}`,
    data: { id: `d${n}`, name: `Disc ${n}`, scope: 'basket', targetId: null, kind: 'percent', value: 500, minimum: 0, validFrom: null, validTo: null, active: true },
  }),
  currency: (n) => {
    const code = ['EUR', 'USD', 'GBP', 'CHF', 'PLN', 'RUB'][n % 6] as string;
    return { id: code, data: { code, name: code, decimals: 2, rate: '1.5', acceptedAsCash: true } };
  },
  client: (n) => ({ id: `c${n}`, data: { id: `c${n}`, name: `Client ${n}`, phone: null, email: null, cardNumber: null, priceListId: null } }),
  role: (n) => ({ id: `r${n}`, data: { id: `r${n}`, name: `Role ${n}`, rights: ['sell'] } }),
  operator: (n) => ({
    id: `o${n}`,
    data: { id: `o${n}`, name: `Op ${n}`, roleId: 'r1', pinHash: 'a'.repeat(64), pinSalt: 'b'.repeat(32), pinIterations: 100_000, active: true },
  }),
  parameters: () => ({
    id: 'parameters',
    data: { shopName: 'Shop', receiptHeader: '', receiptFooter: '', taxMode: 'inclusive', baseCurrency: 'EUR', cashRounding: 1 },
  }),
};

/** A valid page of `category`: new records 100+ (never seen locally), revs increasing. */
function validPage(category: Category, size: number, reset: boolean, first = 100) {
  const kinds = CATEGORY_KINDS[category];
  // The parameters record is a singleton: one per page.
  const items = Array.from({ length: category === 'parameters' ? 1 : size }, (_, i) => {
    const kind = kinds[i % kinds.length] as RecordKind;
    const r = RECORDS[kind](first + i);
    return { id: r.id, kind, rev: 1000 + first + i, deleted: false, data: r.data };
  });
  return { category, items, checkpoint: `cp-${category}-next`, hasMore: false, reset, total: items.length };
}

const JSON_TYPE = 'application/json';
const VALID = 'valid page';
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Answers that must be refused, each built around a valid page of the category. */
function answerArb(category: Category, first = 100): fc.Arbitrary<Answer> {
  const base = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.boolean()).map(([n, reset]) => validPage(category, n, reset, first));
  const json = (what: string, status = 200, contentType: string | null = JSON_TYPE) => (page: unknown): Answer => ({ status, contentType, body: JSON.stringify(page) ?? '', what });
  const failsSchema = (v: unknown) => !pullResponse.safeParse(v).success;
  const other = CATEGORIES.filter((c) => c !== category);
  return fc.oneof(
    // Wrong types, missing fields, unknown shapes anywhere in the envelope or a record.
    { weight: 8, arbitrary: base.chain((p) => mutatedJson(p)).filter(failsSchema).map(json('wrong type or missing field')) },
    // A record of the page failing its own schema (its data mutated).
    {
      weight: 6,
      arbitrary: base.chain((p) =>
        fc.nat(p.items.length - 1).chain((i) => mutatedJson(p.items[i]!.data).map((data) => replaceAt(p, ['items', i, 'data'], data))),
      ).filter(failsSchema).map(json('record failing its schema')),
    },
    // Huge, negative, fractional numbers where integers are expected.
    {
      weight: 5,
      arbitrary: fc.tuple(base, fc.constantFrom<unknown>(2 ** 53, 2 ** 63, 1e21, Number.MAX_VALUE, -1, 0, -(2 ** 31), 0.5, 1e-7)).chain(([p, n]) => {
        const numeric = jsonPaths(p).filter((path) => typeof path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], p) === 'number');
        return fc.constantFrom(...numeric).map((path) => replaceAt(p, path, n));
      }).filter(failsSchema).map(json('huge or negative number')),
    },
    // Not JSON: truncated pages, random text and bytes, an HTML portal page, an empty body.
    {
      weight: 6,
      arbitrary: fc.oneof(
        base.chain((p) => {
          const text = JSON.stringify(p);
          return fc.nat(text.length - 1).map((at) => ({ status: 200, contentType: JSON_TYPE, body: text.slice(0, at), what: 'truncated body' }));
        }),
        fc.string({ maxLength: 100 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }).map((s) => ({ status: 200, contentType: JSON_TYPE, body: s, what: 'random text' })),
        fc.uint8Array({ maxLength: 100 }).map((b) => ({ status: 200, contentType: JSON_TYPE, body: b, what: 'random bytes' })),
        fc.constantFrom<Answer>(
          { status: 200, contentType: 'text/html', body: '<html><body>Wi-Fi login</body></html>', what: 'captive portal' },
          { status: 200, contentType: JSON_TYPE, body: '', what: 'empty body' },
          { status: 200, contentType: JSON_TYPE, body: new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0xff, 0x7d]), what: 'invalid UTF-8' },
          { status: 204, contentType: null, body: '', what: 'no content' },
          { status: 200, contentType: JSON_TYPE, body: 'null', what: 'null' },
          { status: 200, contentType: JSON_TYPE, body: '[]', what: 'array' },
        ),
      ),
    },
    // A valid page under a content type that is not JSON.
    {
      weight: 4,
      arbitrary: fc.tuple(base, fc.constantFrom<string | null>('text/html', 'text/plain', 'application/octet-stream', 'application/xml', null, 'application/jsonp', 'text/json-ish')).map(
        ([p, type]) => ({ status: 200, contentType: type, body: utf8(JSON.stringify(p)), what: `content type ${type}` }),
      ),
    },
    // A page for another category.
    { weight: 2, arbitrary: fc.tuple(base, fc.constantFrom(...other)).map(([p, c]) => json('another category')({ ...p, category: c })) },
    // The same record twice in one page.
    {
      weight: 4,
      arbitrary: base.filter((p) => p.items.length > 0).chain((p) => fc.nat(p.items.length - 1).map((i) => {
        const dup = { ...p.items[i]!, rev: 2000 };
        return json('duplicate id')({ ...p, items: [...p.items, dup], total: p.total + 1 });
      })),
    },
    // Revs that do not increase within the page (two items at least; parameters has one).
    {
      weight: category === 'parameters' ? 0 : 3,
      arbitrary: fc.tuple(fc.integer({ min: 2, max: 6 }), fc.boolean()).map(([n, reset]) => validPage(category, n, reset, first)).chain((p) =>
        fc.tuple(fc.nat(p.items.length - 2), fc.nat(5)).map(([i, down]) => {
          const items = p.items.map((it, j) => (j === i + 1 ? { ...it, rev: Math.max(1, p.items[i]!.rev - down) } : it));
          return json('revs not increasing')({ ...p, items });
        }),
      ),
    },
    // Checkpoints going backwards: more pages promised from the checkpoint the till just sent.
    {
      weight: 4,
      arbitrary: fc.tuple(base, fc.boolean()).map(([p, empty]) => ({ ...p, hasMore: true, reset: false, items: empty ? [] : p.items, checkpoint: '' })).map(
        (p): Answer => ({ status: 200, contentType: JSON_TYPE, body: JSON.stringify(p), what: 'checkpoint backwards' }),
      ),
    },
    // Error statuses with garbage or valid-looking bodies.
    {
      weight: 3,
      arbitrary: fc.tuple(fc.constantFrom(400, 404, 409, 410, 413, 418, 500, 502, 503, 504), fc.oneof(base.map((p) => JSON.stringify(p)), fc.string({ maxLength: 60 }), fc.constant('{"error":{"code":"internal"'))).map(
        ([status, body]) => ({ status, contentType: JSON_TYPE, body, what: `status ${status}` }),
      ),
    },
  );
}

/** Every local table; the status rows without their error text, which the failed pull sets
 * (and the change log's entries for that status row, which the change tracker adds). */
async function dump(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) {
    const rows = await t.toArray();
    if (t.name === 'syncState') out[t.name] = rows.map((r) => ({ ...(r as object), lastError: undefined }));
    else if (t.name === 'changeLog') out[t.name] = rows.filter((r) => (r as { table?: string }).table !== 'syncState');
    else out[t.name] = rows;
  }
  return out;
}

const rolePage = validPage('rights', 1, false);
/** Answers the engine used to accept (found by this property), kept as fixed examples. */
const REGRESSIONS: [{ category: Category; answer: Answer }][] = [
  // A valid page served as text/html (a captive portal echoing JSON) was written.
  [{ category: 'rights', answer: { status: 200, contentType: 'text/html', body: JSON.stringify(rolePage), what: 'content type text/html' } }],
  // The same record twice in one page was written (last one winning).
  [{ category: 'rights', answer: { status: 200, contentType: JSON_TYPE, body: JSON.stringify({ ...rolePage, items: [rolePage.items[0], { ...rolePage.items[0], rev: 2000 }] }), what: 'duplicate id' } }],
  // More pages promised from the checkpoint the till sent, with items: the engine looped forever.
  [{ category: 'rights', answer: { status: 200, contentType: JSON_TYPE, body: JSON.stringify({ ...rolePage, hasMore: true, checkpoint: '' }), what: 'checkpoint backwards' } }],
];

describe('fuzzing the sync client with malformed pull answers', () => {
  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    // The pages the generators start from are valid.
    for (const c of CATEGORIES) expect(pullResponse.safeParse(validPage(c, 4, false)).success).toBe(true);
    // A till with data in every category and a stored checkpoint, pulled from the back office.
    const office = (backOffice = await TestBackOffice.start());
    for (let i = 1; i <= 5; i++) {
      await office.upsert('article', `a${i}`, anArticle(i));
      await office.upsert('price', `p${i}`, aPrice(i, 100 + i));
    }
    for (const [kind, make] of Object.entries(RECORDS) as [RecordKind, (n: number) => { id: string; data: unknown }][]) {
      if (kind === 'article' || kind === 'price') continue;
      const r = make(1);
      await office.upsert(kind, r.id, r.data);
    }
    server.resetHandlers(...office.handlers());
    db = freshDb();
    await pairWith(office, db);
    for (const c of CATEGORIES) expect(await pullCategory(engineDeps(db), c)).toMatchObject({ ok: true });
    // From here on the server answers whatever the property chose.
    server.resetHandlers(
      http.get(`${BACK_OFFICE_URL}${API_PREFIX}/pull/:category`, () => {
        const a = queue.shift();
        if (!a) return HttpResponse.error();
        if (a.what !== VALID) answered += 1;
        const headers: Record<string, string> = a.contentType === null ? {} : { 'content-type': a.contentType };
        return new HttpResponse(a.status === 204 ? null : a.body, { status: a.status, headers });
      }),
    );
  });

  afterAll(async () => {
    server.close();
    unhandled.stop();
    await db?.delete();
    await backOffice?.close();
  });

  const runs = Number(process.env.FUZZ_CLIENT_RUNS ?? 1_050);

  it('refuses every malformed answer, writes nothing and records the reason', async () => {
    const arb = fc.constantFrom(...CATEGORIES).chain((c) => answerArb(c).map((a) => ({ category: c, answer: a })));
    await fc.assert(
      fc.asyncProperty(arb, async ({ category, answer }) => {
        // "Checkpoints going backwards" echo the checkpoint the till holds.
        const cp = (await db.syncState.get(category))?.checkpoint ?? null;
        expect(cp).not.toBeNull();
        const a: Answer = answer.what === 'checkpoint backwards' ? { ...answer, body: String(answer.body).replace('"checkpoint":""', `"checkpoint":${JSON.stringify(cp)}`) } : answer;
        await db.syncState.update(category, { lastError: null });
        // The change log's entries for status rows grow by two per run: keep the dump small.
        await db.changeLog.bulkDelete(await db.changeLog.filter((r) => r.table === 'syncState').primaryKeys());
        const before = await dump();
        queue = [a];
        const res = await pullCategory(engineDeps(db), category);
        queue = [];
        const ctx = `${a.what} (${a.status} ${a.contentType}): ${typeof a.body === 'string' ? a.body.slice(0, 300) : `${a.body.length} bytes`}`;
        expect(res.ok, ctx).toBe(false);
        if (res.ok) return;
        expect(['malformed-response', 'http-error', 'server-error'], ctx).toContain(res.reason);
        expect(await dump(), `wrote something on ${ctx}`).toEqual(before);
        const status = (await getSyncStates(syncStoreOf(db))).find((s) => s.category === category);
        expect(status?.lastError, ctx).toBe(res.reason);
      }),
      fuzzParams(runs, REGRESSIONS),
    );
  }, 120_000 + runs * 100);

  const multiRuns = Number(process.env.FUZZ_CLIENT_MULTI_RUNS ?? 250);

  it('writes nothing of a malformed page that follows valid ones (delta and snapshot)', async () => {
    const arb = fc.constantFrom(...CATEGORIES).chain((c) =>
      fc.record({
        category: fc.constant(c),
        size: fc.integer({ min: 1, max: 4 }),
        reset: fc.boolean(),
        second: fc.oneof(
          { weight: 9, arbitrary: answerArb(c, 200) },
          // A valid-looking page whose revs are below the first page's: the sequence went back.
          {
            weight: 2,
            arbitrary: fc.integer({ min: 1, max: 3 }).map((n): Answer => {
              const p = validPage(c, n, false, 200);
              return { status: 200, contentType: JSON_TYPE, body: JSON.stringify({ ...p, items: p.items.map((it, i) => ({ ...it, rev: 1 + i })) }), what: 'revs below the previous page' };
            }),
          },
        ),
      }),
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(arb, async ({ category, size, reset, second }) => {
        run += 1;
        const first = { ...validPage(category, size, reset), hasMore: true, checkpoint: `cp-${category}-page1-${run}` };
        // "Going backwards" on the second page: the checkpoint of the first one again.
        const b: Answer = second.what === 'checkpoint backwards' ? { ...second, body: String(second.body).replace('"checkpoint":""', `"checkpoint":${JSON.stringify(first.checkpoint)}`) } : second;
        await db.syncState.update(category, { lastError: null });
        await db.changeLog.clear();
        const before = await dump();
        // What the first page alone leaves: its rows upserted; its checkpoint stored on a delta,
        // the old one kept while a snapshot is staged.
        const expected = structuredClone(before);
        for (const item of first.items) {
          const { table, row } = toLocalRow(item as PulledRecord);
          const key = (r: unknown) => String((r as { id?: string; code?: string }).id ?? (r as { code?: string }).code);
          const rows = (expected[table] ?? []).filter((r) => key(r) !== key(row));
          expected[table] = [...rows, row].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
        }
        if (!reset) expected.syncState = (expected.syncState ?? []).map((r) => ((r as { category: string }).category === category ? { ...(r as object), checkpoint: first.checkpoint } : r));
        queue = [{ status: 200, contentType: JSON_TYPE, body: JSON.stringify(first), what: VALID }, b];
        const res = await pullCategory(engineDeps(db), category);
        queue = [];
        const ctx = `page 1 (${reset ? 'snapshot' : 'delta'}, ${size} rows) then ${b.what} (${b.status} ${b.contentType}): ${typeof b.body === 'string' ? b.body.slice(0, 300) : `${b.body.length} bytes`}`;
        expect(res.ok, ctx).toBe(false);
        if (res.ok) return;
        expect(['malformed-response', 'http-error', 'server-error'], ctx).toContain(res.reason);
        const after = await dump();
        delete after.changeLog;
        delete expected.changeLog;
        expect(after, `the second page wrote something: ${ctx}`).toEqual(expected);
        expect((await getSyncStates(syncStoreOf(db))).find((s) => s.category === category)?.lastError, ctx).toBe(res.reason);
      }),
      fuzzParams(multiRuns),
    );
  }, 120_000 + multiRuns * 100);

  it('answered at least 1,000 malformed pages, with no unhandled rejection', () => {
    expect(answered).toBeGreaterThanOrEqual(Number(process.env.FUZZ_CLIENT_MIN ?? 1_000));
    expect(unhandled.errors).toEqual([]);
  });
});
