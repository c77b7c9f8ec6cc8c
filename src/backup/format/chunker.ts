// Cuts a table's documents, sorted by key, into packs at key-determined points: a pack ends
// after a key whose salted hash hits 0 mod avgDocs. The cut points depend only on the keys
// present, so editing a document rewrites only its pack, and a new key only the pack it falls in.
import { utf8 } from './bytes';

export interface ChunkerParams {
  /** Hex salt from BACKUP.json, so pack boundaries do not reveal keys across sets. */
  salt: string;
  /** Expected documents per pack. */
  avgDocs: number;
  /** Hard cap on a pack's uncompressed size (a few huge documents still make several packs). */
  maxBytes: number;
  /** Expected documents per pack for the tables named here, instead of `avgDocs`. */
  tables?: Record<string, number>;
}

/**
 * Master data (articles, prices, clients) is edited anywhere in its key space: small packs, so
 * a day's scattered edits rewrite little. Journals (receipts, stock moves) only grow at the end
 * of theirs (their ids are time-ordered, see db/ids.ts): a day rewrites the last pack and adds
 * new ones whatever their size, so big packs, which save the medium a file each (a file costs
 * more than sealing a small pack: about 2.5 ms to write and 1.5 ms to read back in Chromium).
 */
export const DEFAULT_CHUNKER: Omit<ChunkerParams, 'salt'> = {
  avgDocs: 256,
  maxBytes: 4 * 1024 * 1024,
  tables: { receipts: 2048, stockMoves: 2048 },
};

/** The parameters one table is cut with. */
export function tableChunker(p: ChunkerParams, table: string): ChunkerParams {
  return { salt: p.salt, avgDocs: p.tables?.[table] ?? p.avgDocs, maxBytes: p.maxBytes };
}

export interface Doc {
  key: string;
  /** The document as one JSON line (no newline). */
  json: string;
}

export interface Chunk {
  first: string;
  last: string;
  rows: number;
  /** NDJSON: one document per line. */
  plain: Uint8Array;
}

/** FNV-1a over UTF-16 code units: fast, stable, and enough for spreading cut points. */
export function keyHash(salt: string, key: string): number {
  let h = 0x811c9dc5;
  const s = salt + key;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function isCutPoint(p: ChunkerParams, key: string): boolean {
  return keyHash(p.salt, key) % p.avgDocs === 0;
}

/** Cuts a key-ordered stream of documents into packs; `flush` ends the current pack. */
export interface Cutter {
  push(d: Doc): void;
  flush(): void;
}

export function createCutter(p: ChunkerParams, emit: (c: Chunk) => void): Cutter {
  let lines: string[] = [];
  let bytes = 0;
  let first = '';
  let last = '';
  const flush = () => {
    if (lines.length === 0) return;
    emit({ first, last, rows: lines.length, plain: utf8(lines.join('\n') + '\n') });
    lines = [];
    bytes = 0;
  };
  return {
    push(d) {
      if (lines.length === 0) first = d.key;
      last = d.key;
      lines.push(d.json);
      bytes += d.json.length + 1;
      if (isCutPoint(p, d.key) || bytes >= p.maxBytes) flush();
    },
    flush,
  };
}

export function cutPacks(docs: readonly Doc[], p: ChunkerParams): Chunk[] {
  const out: Chunk[] = [];
  const cutter = createCutter(p, (c) => out.push(c));
  for (const d of docs) cutter.push(d);
  cutter.flush();
  return out;
}

/** Documents back from a pack's plaintext. */
export function parsePack(plain: string): unknown[] {
  const rows: unknown[] = [];
  for (const line of plain.split('\n')) if (line.length > 0) rows.push(JSON.parse(line));
  return rows;
}
