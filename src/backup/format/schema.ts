// The repository's JSON files (BACKUP.json, MEDIUM.json, HEAD, manifests) as zod schemas, and
// their version checks. Anything that does not parse is 'damaged'; a newer version is refused.
import { z } from 'zod';
import { BackupError } from './types';
import { fromUtf8, utf8 } from './bytes';

export const FORMAT_NAME = 'pos-backup';
/** 2: a pack may hold several pieces of one table, each manifest entry naming its rows by `skip`.
 * Version 1 backups (one piece per pack, no `skip`) are still read. */
export const FORMAT_VERSION = 2;
export const ROOT = 'POS-Backup';
export const PATHS = {
  config: 'BACKUP.json',
  medium: 'MEDIUM.json',
  key: 'key.age',
  head: 'HEAD',
  manifests: 'manifests',
  packs: 'packs',
} as const;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const configSchema = z.object({
  format: z.literal(FORMAT_NAME),
  formatVersion: z.number().int().positive(),
  setId: z.string().min(1),
  createdAt: z.string(),
  encryption: z.enum(['age-x25519', 'none']),
  recipient: z.string().nullable(),
  keyFile: z.object({ path: z.literal(PATHS.key), sha256: hex64, size: z.number().int() }).nullable(),
  chunker: z.object({
    salt: z.string(), avgDocs: z.number().int().positive(), maxBytes: z.number().int().positive(),
    tables: z.record(z.string(), z.number().int().positive()).optional(),
    packDocs: z.number().int().nonnegative().optional(),
  }),
});
export type BackupConfig = z.infer<typeof configSchema>;

export const mediumSchema = z.object({ mediumId: z.string().min(1), label: z.string(), createdAt: z.string() });
export type MediumInfo = z.infer<typeof mediumSchema>;

/** [file name (sha256 of its bytes), size, dedup tag (keyed hash of the plaintext)] */
const packRef = z.tuple([hex64, z.number().int().nonnegative(), z.string()]);
export const headSchema = z.object({
  formatVersion: z.number().int().positive(),
  snapshotId: z.string(),
  createdAt: z.string(),
  manifest: z.object({ name: hex64, size: z.number().int().nonnegative() }),
  packs: z.array(packRef),
});
export type Head = z.infer<typeof headSchema>;
export type PackRef = z.infer<typeof packRef>;

export const packEntrySchema = z.object({
  name: hex64,
  size: z.number().int().nonnegative(),
  plainSha256: hex64,
  /** Rows of the pack before this entry's (absent in version 1: 0). */
  skip: z.number().int().nonnegative().optional(),
  rows: z.number().int().nonnegative(),
  first: z.string(),
  last: z.string(),
});
export type PackEntry = z.infer<typeof packEntrySchema>;

export const manifestSchema = z.object({
  format: z.literal(`${FORMAT_NAME}-manifest`),
  formatVersion: z.number().int().positive(),
  snapshotId: z.string(),
  setId: z.string(),
  createdAt: z.string(),
  description: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  stores: z.array(z.object({ id: z.string(), name: z.string() })),
  compressionLevel: z.number().int().min(0).max(9),
  includeIndexes: z.boolean(),
  schemaVersion: z.number(),
  dataSets: z.record(z.string(), z.object({ tables: z.record(z.string(), z.object({ rows: z.number().int(), packs: z.array(packEntrySchema) })) })),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Deepest nesting of arrays and objects accepted in a backup's JSON (the files written nest a
 * few levels; rows a dozen): deeper input is damage, refused before a recursive walk overflows. */
export const MAX_JSON_DEPTH = 64;

/** Whether `text` nests arrays/objects deeper than `max` (strings skipped; linear, no recursion). */
export function tooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* backslash */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** Parses a JSON file; a newer formatVersion is 'unsupported-version', anything else 'damaged'. */
export function parseJsonFile<T>(bytes: Uint8Array, schema: z.ZodType<T>, what: string): T {
  try {
    return parseJsonFileUnchecked(bytes, schema, what);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    // RangeError (stack), TypeError, a decoder's error: whatever the bytes provoke is damage.
    throw new BackupError('damaged', `${what}: ${e instanceof Error ? e.name : 'unreadable'}`);
  }
}

function parseJsonFileUnchecked<T>(bytes: Uint8Array, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    const text = fromUtf8(bytes);
    if (tooDeep(text)) throw new BackupError('damaged', `${what}: nested deeper than ${MAX_JSON_DEPTH}`);
    raw = JSON.parse(text);
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError('damaged', `${what}: not JSON`);
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { formatVersion?: unknown }).formatVersion : undefined;
  if (typeof version === 'number' && version > FORMAT_VERSION) throw new BackupError('unsupported-version', `${what}: v${version}`);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BackupError('damaged', `${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  // These files are always written by jsonBytes: other bytes with the same meaning (a space
  // flipped into a tab, an escaped letter) are damage too, like a flipped byte in a .posbackup.
  if (!sameBytes(jsonBytes(raw), bytes)) throw new BackupError('damaged', `${what}: not as written`);
  return parsed.data;
}

export const jsonBytes = (value: unknown): Uint8Array => utf8(JSON.stringify(value, null, 1));

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
export const packPath = (name: string): string => `${PATHS.packs}/${name}`;
export const manifestPath = (name: string): string => `${PATHS.manifests}/${name}`;
