// The back office's admin API as the e2e tests use it (the same calls as the admin page).
export class AdminApi {
  private constructor(readonly url: string, private readonly token: string) {}

  static async login(url: string, password: string): Promise<AdminApi> {
    const res = await fetch(`${url}/api/v1/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ password }) });
    if (!res.ok) throw new Error(`admin login: ${res.status}`);
    const { token } = (await res.json()) as { token: string };
    return new AdminApi(url, token);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/api/v1/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  async syncCode(): Promise<string> {
    return (await this.call<{ code: string }>('POST', '/sync-codes')).code;
  }

  async records<T>(kind: string, query = ''): Promise<{ items: { id: string; rev: number; data: T }[]; total: number }> {
    return this.call('GET', `/records/${kind}${query}`);
  }

  async put(kind: string, id: string, data: unknown): Promise<void> {
    await this.call('PUT', `/records/${kind}/${encodeURIComponent(id)}`, data);
  }

  async receipts(): Promise<{ items: { id: string; number: string; total: number }[]; total: number }> {
    return this.call('GET', '/receipts?limit=1000');
  }
}
