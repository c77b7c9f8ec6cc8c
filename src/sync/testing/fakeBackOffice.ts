// A stateful fake back office for engine tests, played by msw at the network edge. It keeps
// change sequences per category, mutation ids (idempotency) and stored receipts, and can be told
// to fail the next requests in the ways the real network does.
import { http, HttpResponse, delay } from 'msw';
import { CATEGORY_KINDS, type Category, type RecordKind } from '../entities';
import { API_PREFIX, mutation as mutationSchema, type MutationResult, type PairResponse } from '../protocol';

export const FAKE_URL = 'http://backoffice.test';

export type Fault = 'offline' | 'server-error' | 'rate-limited' | 'unauthorized' | 'malformed' | 'timeout' | 'lose-response';

interface Change {
  seq: number;
  kind: RecordKind;
  id: string;
  rev: number;
  deleted: boolean;
  data: unknown;
}

export class FakeBackOffice {
  seq = 0;
  changes: Change[] = [];
  codes = new Set<string>();
  tokens = new Map<string, string>();
  /** Every mutation id the server received, one entry per reception (retries included). */
  received: string[] = [];
  /** Committed mutations by id: the idempotency store. */
  committed = new Map<string, { rev: number; kind: string; data: unknown }>();
  expiredCheckpoints = new Set<string>();
  faults: { pull: Fault[]; push: Fault[]; pair: Fault[] } = { pull: [], push: [], pair: [] };
  pullRequests: string[] = [];
  pushBatches: number[] = [];
  retryAfterSec = 7;
  /** Server think time per push, to widen race windows. */
  pushLatencyMs = 0;
  /** While true every request fails as if the network were down. */
  down = false;

  issueCode(code = 'ABCD1234'): string {
    this.codes.add(code);
    return code;
  }

  upsert(kind: RecordKind, id: string, data: unknown): void {
    const rev = (this.latest(id, kind)?.rev ?? 0) + 1;
    this.changes.push({ seq: ++this.seq, kind, id, rev, deleted: false, data });
  }

  remove(kind: RecordKind, id: string): void {
    const rev = (this.latest(id, kind)?.rev ?? 0) + 1;
    this.changes.push({ seq: ++this.seq, kind, id, rev, deleted: true, data: null });
  }

  latest(id: string, kind: RecordKind): Change | undefined {
    for (let i = this.changes.length - 1; i >= 0; i--) {
      const c = this.changes[i] as Change;
      if (c.id === id && c.kind === kind) return c;
    }
    return undefined;
  }

  receiptsStored(): string[] {
    return [...this.committed.entries()].filter(([, v]) => v.kind === 'receipt').map(([id]) => id);
  }

  handlers() {
    return [
      http.post(`${FAKE_URL}${API_PREFIX}/pair`, async ({ request }) => this.onPair(await request.json())),
      http.get(`${FAKE_URL}${API_PREFIX}/pull/:category`, ({ request, params }) => this.onPull(request, String(params.category))),
      http.post(`${FAKE_URL}${API_PREFIX}/push`, async ({ request }) => this.onPush(request)),
    ];
  }

  private async fault(route: 'pull' | 'push' | 'pair'): Promise<Response | undefined> {
    if (this.down) return HttpResponse.error();
    const f = this.faults[route][0];
    if (!f || f === 'lose-response') return undefined;
    this.faults[route].shift();
    if (f === 'offline') return HttpResponse.error();
    if (f === 'server-error') return HttpResponse.json({ error: { code: 'internal', message: 'boom' } }, { status: 503 });
    if (f === 'rate-limited') return HttpResponse.json({ error: { code: 'rate_limited', message: 'slow' } }, { status: 429, headers: { 'retry-after': String(this.retryAfterSec) } });
    if (f === 'unauthorized') return HttpResponse.json({ error: { code: 'till_revoked', message: 'no' } }, { status: 401 });
    if (f === 'malformed') return HttpResponse.json({ items: 'nope' });
    await delay(2_000);
    return HttpResponse.json({});
  }

  private async onPair(body: unknown): Promise<Response> {
    const f = await this.fault('pair');
    if (f) return f;
    const code = (body as { code?: string }).code ?? '';
    if (!this.codes.delete(code)) return HttpResponse.json({ error: { code: 'invalid_code', message: 'bad' } }, { status: 400 });
    const token = `tok-${code}-${'x'.repeat(40)}`;
    this.tokens.set(token, `till-${code}`);
    const res: PairResponse = {
      tillId: `till-${code}`,
      token,
      tillCode: 'T1',
      organization: { id: 'org1', name: 'Shop' },
      stores: [{ id: 's1', name: 'Main' }],
      categories: (Object.keys(CATEGORY_KINDS) as Category[]).map((name) => ({ name, periodSec: name === 'prices' ? 900 : null })),
      serverTime: '2026-01-01T00:00:00.000Z',
    };
    return HttpResponse.json(res);
  }

  private authorized(request: Request): boolean {
    const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    return this.tokens.has(token);
  }

  private async onPull(request: Request, category: string): Promise<Response> {
    const f = await this.fault('pull');
    if (f) return f;
    if (!this.authorized(request)) return HttpResponse.json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 });
    const url = new URL(request.url);
    const cp = url.searchParams.get('cp');
    const limit = Number(url.searchParams.get('limit') ?? 500);
    this.pullRequests.push(`${category}:${cp ?? ''}`);
    const kinds = CATEGORY_KINDS[category as Category];
    const reset = cp !== null && (this.expiredCheckpoints.has(cp) || !/^\d+$/.test(cp));
    const from = cp === null || reset ? 0 : Number(cp);
    const latestById = new Map<string, Change>();
    for (const c of this.changes) if (kinds.includes(c.kind)) latestById.set(`${c.kind}:${c.id}`, c);
    const all = [...latestById.values()].filter((c) => c.seq > from && !(reset && c.deleted)).sort((a, b) => a.seq - b.seq);
    const page = all.slice(0, limit);
    const last = page[page.length - 1];
    const total = [...latestById.values()].filter((c) => !c.deleted).length;
    return HttpResponse.json({
      category,
      // The protocol's rev is the change sequence (strictly increasing in a page), like the real server's.
      items: page.map((c) => ({ id: c.id, kind: c.kind, rev: c.seq, deleted: c.deleted, data: c.data })),
      checkpoint: String(last ? last.seq : Math.max(from, this.seqOf(kinds))),
      hasMore: all.length > page.length,
      reset,
      total,
    });
  }

  private seqOf(kinds: readonly RecordKind[]): number {
    return this.changes.filter((c) => kinds.includes(c.kind)).reduce((m, c) => Math.max(m, c.seq), 0);
  }

  private async onPush(request: Request): Promise<Response> {
    const f = await this.fault('push');
    if (f) return f;
    if (!this.authorized(request)) return HttpResponse.json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 });
    if (this.pushLatencyMs > 0) await delay(this.pushLatencyMs);
    const body = (await request.json()) as { mutations: { id: string; kind: string; baseRev?: number | null; data: unknown }[] };
    this.pushBatches.push(body.mutations.length);
    const results: MutationResult[] = body.mutations.map((m) => this.applyMutation(m));
    if (this.faults.push[0] === 'lose-response') {
      this.faults.push.shift();
      return HttpResponse.error();
    }
    return HttpResponse.json({ results, serverTime: '2026-01-01T00:00:00.000Z' });
  }

  private applyMutation(m: { id: string; kind: string; baseRev?: number | null; data: unknown }): MutationResult {
    this.received.push(m.id);
    const done = this.committed.get(m.id);
    if (done) return { id: m.id, status: 'duplicate', rev: done.rev };
    const parsed = mutationSchema.safeParse(m);
    if (!parsed.success) return { id: m.id, status: 'rejected', code: 'bad_request', message: 'invalid' };
    const kind = parsed.data.kind;
    if (kind === 'article' || kind === 'client' || kind === 'articleGroup') {
      const current = this.latest(parsed.data.data.id, kind);
      if (current && parsed.data.baseRev != null && parsed.data.baseRev < current.rev) {
        return { id: m.id, status: 'conflict', rev: current.rev, server: { kind, id: current.id, rev: current.rev, deleted: current.deleted, data: current.data } };
      }
      this.upsert(kind, parsed.data.data.id, parsed.data.data);
    }
    const rev = ++this.seq;
    this.committed.set(m.id, { rev, kind, data: parsed.data.data });
    return { id: m.id, status: 'applied', rev };
  }
}
