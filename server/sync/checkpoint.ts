// Pull checkpoints: opaque to the till, signed here. Inside: the category, the last rev sent, the
// snapshot horizon (tombstones at or below it are skipped while a snapshot is being paged) and
// the database epoch. A checkpoint that fails any check means "start again from a snapshot".
import { z } from 'zod';
import { category, type Category } from '@model';
import { hmacBase64url, safeEqual } from '../crypto';

export interface CheckpointState {
  category: Category;
  /** Last rev the till has. */
  rev: number;
  /** While paging a snapshot: the change sequence when it started; 0 otherwise. */
  snapshot: number;
}

export interface CheckpointKeys {
  /** Changes when the database is recreated, so old checkpoints reset. */
  epoch: string;
  /** HMAC key: forged or edited checkpoints are rejected. */
  secret: string;
}

const payload = z.object({
  v: z.literal(1),
  c: category,
  r: z.number().int().min(0),
  s: z.number().int().min(0),
  e: z.string(),
});

export function encodeCheckpoint(state: CheckpointState, keys: CheckpointKeys): string {
  const body = Buffer.from(
    JSON.stringify({ v: 1, c: state.category, r: state.rev, s: state.snapshot, e: keys.epoch }),
  ).toString('base64url');
  return `${body}.${hmacBase64url(keys.secret, body)}`;
}

/** The state inside `text`, or null when it is malformed, forged, from another database epoch or
 * for another category. */
export function decodeCheckpoint(text: string, keys: CheckpointKeys, expected: Category): CheckpointState | null {
  const [body, sig, extra] = text.split('.');
  if (!body || !sig || extra !== undefined) return null;
  if (!safeEqual(sig, hmacBase64url(keys.secret, body))) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = payload.safeParse(json);
  if (!parsed.success || parsed.data.e !== keys.epoch || parsed.data.c !== expected) return null;
  return { category: parsed.data.c, rev: parsed.data.r, snapshot: parsed.data.s };
}
