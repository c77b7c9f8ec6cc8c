// The off-site copy: the same repository tree stored by the back office under
// /api/v1/backup/{setId}/… (HTTP contract in docs/backup-format.md). Only encrypted files and
// the plaintext BACKUP.json/HEAD travel; the server never sees the password.
import { z } from 'zod';
import { BackupError, type BackupDestination, type BackupFailure, type FileInfo } from '../format/types';

export interface HttpDestinationOptions {
  baseUrl: string;
  setId: string;
  token: string;
  fetch?: typeof fetch;
}

function reasonFor(status: number): BackupFailure {
  if (status === 401 || status === 403) return 'not-allowed';
  if (status === 413 || status === 507) return 'quota';
  return 'io';
}

export function httpDestination(o: HttpDestinationOptions): BackupDestination {
  const doFetch = o.fetch ?? ((input, init) => fetch(input, init));
  const url = (path: string) =>
    `${o.baseUrl.replace(/\/$/, '')}/api/v1/backup/${encodeURIComponent(o.setId)}/${path.split('/').map(encodeURIComponent).join('/')}`;
  const headers = { authorization: `Bearer ${o.token}` };

  async function call(method: string, path: string, body?: Uint8Array): Promise<Response> {
    let res: Response;
    try {
      res = await doFetch(url(path), {
        method,
        headers: body ? { ...headers, 'content-type': 'application/octet-stream' } : headers,
        body: body as Uint8Array<ArrayBuffer> | undefined,
      });
    } catch (e) {
      throw new BackupError('offline', `${method} ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!res.ok && res.status !== 404) throw new BackupError(reasonFor(res.status), `${method} ${path}: ${res.status}`);
    return res;
  }

  return {
    kind: 'http',
    async read(path) {
      const res = await call('GET', path);
      return res.status === 404 ? null : new Uint8Array(await res.arrayBuffer());
    },
    async list(dir) {
      const res = await call('GET', dir ? `${dir}/` : '');
      if (res.status === 404) return [];
      const body = (await res.json()) as { files?: FileInfo[] };
      if (!Array.isArray(body.files)) throw new BackupError('io', `list ${dir}: malformed`);
      return body.files.filter((f) => typeof f.name === 'string' && typeof f.size === 'number');
    },
    async write(path, bytes) {
      await call('PUT', path, bytes);
    },
    async remove(path) {
      await call('DELETE', path);
    },
  };
}

/** A backup set stored on the back office (GET /api/v1/backup/). */
export const offsiteSet = z.object({
  setId: z.string().min(1).max(64),
  tillCode: z.string(),
  deviceName: z.string(),
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** This till owns the set (its own daily copy). */
  own: z.boolean(),
});
const offsiteListing = z.object({
  sets: z.array(offsiteSet),
  quota: z.object({ usedBytes: z.number().int().nonnegative(), limitBytes: z.number().int().nonnegative() }),
});
export type OffsiteSet = z.infer<typeof offsiteSet>;
export type OffsiteListing = z.infer<typeof offsiteListing>;

/** Every set the back office holds for this shop, and this till's space used of its quota. */
export async function listOffsiteSets(o: { baseUrl: string; token: string; fetch?: typeof fetch }): Promise<OffsiteListing> {
  const doFetch = o.fetch ?? ((input, init) => fetch(input, init));
  let res: Response;
  try {
    res = await doFetch(`${o.baseUrl.replace(/\/$/, '')}/api/v1/backup/`, { headers: { authorization: `Bearer ${o.token}` } });
  } catch (e) {
    throw new BackupError('offline', `list sets: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new BackupError(reasonFor(res.status), `list sets: ${res.status}`);
  const parsed = offsiteListing.safeParse(await res.json().catch(() => null));
  if (!parsed.success) throw new BackupError('io', 'list sets: malformed answer');
  return parsed.data;
}
