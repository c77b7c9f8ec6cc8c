// Cuts a table's documents, sorted by key, into pieces at key-determined points: a piece ends
// after a key whose salted hash hits 0 mod avgDocs. The cut points depend only on the keys
// present, so editing a document changes only its piece, and a new key only the piece it falls
// in. Pieces are then grouped into packs, the files of the repository (createPacker).
import { utf8 } from './bytes';

export interface ChunkerParams {
  /** Hex salt from BACKUP.json, so piece boundaries do not reveal keys across sets. */
  salt: string;
  /** Expected documents per piece. */
  avgDocs: number;
  /** Hard cap on a piece's and a pack's uncompressed size (a few huge documents still make several). */
  maxBytes: number;
  /** Expected documents per piece for the tables named here, instead of `avgDocs`. */
  tables?: Record<string, number>;
  /**
   * Pieces of one table are grouped into a pack (one file) until it holds this many documents
   * (or `maxBytes`); 0 or absent: one piece per pack (format version 1).
   */
  packDocs?: number;
}

/**
 * A table is cut into small pieces at key-determined points, so a day's scattered edits re-read
 * and rewrite little; pieces are grouped into packs of about `packDocs` documents, because a
 * file costs a medium more than sealing a small piece (about 2.5 ms to write and 1.5 ms to read
 * back in Chromium's OPFS). Journals (receipts, stock moves) only grow at the end of their key
 * space (time-ordered ids, see db/ids.ts): their pieces are big, a day rewrites the last one.
 */
export const DEFAULT_CHUNKER: Omit<ChunkerParams, 'salt'> = {
  avgDocs: 64,
  maxBytes: 4 * 1024 * 1024,
  tables: { receipts: 2048, stockMoves: 2048 },
  packDocs: 1024,
};

/** The parameters one table is cut with. */
export function tableChunker(p: ChunkerParams, table: string): ChunkerParams {
  return { salt: p.salt, avgDocs: p.tables?.[table] ?? p.avgDocs, maxBytes: p.maxBytes, packDocs: p.packDocs ?? 0 };
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

const FNV_OFFSET = 0x811c9dc5;

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

/** FNV-1a over the UTF-16 code units of `salt + key`: fast, stable, and enough for spreading cut points. */
export function keyHash(salt: string, key: string): number {
  return fnv(fnv(FNV_OFFSET, salt), key) >>> 0;
}

/** The cut-point test of one parameter set, the salt's part of the hash computed once (a
 * backup tests every key). */
export function cutPointTest(p: ChunkerParams): (key: string) => boolean {
  const salted = fnv(FNV_OFFSET, p.salt);
  return (key) => (fnv(salted, key) >>> 0) % p.avgDocs === 0;
}

export function isCutPoint(p: ChunkerParams, key: string): boolean {
  return cutPointTest(p)(key);
}

/** Cuts a key-ordered stream of documents into pieces; `flush` ends the current piece. */
export interface Cutter {
  push(d: Doc): void;
  flush(): void;
}

export function createCutter(p: ChunkerParams, emit: (c: Chunk) => void): Cutter {
  const isCut = cutPointTest(p);
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
      if (isCut(d.key) || bytes >= p.maxBytes) flush();
    },
    flush,
  };
}

export function cutPieces(docs: readonly Doc[], p: ChunkerParams): Chunk[] {
  const out: Chunk[] = [];
  const cutter = createCutter(p, (c) => out.push(c));
  for (const d of docs) cutter.push(d);
  cutter.flush();
  return out;
}

/** A piece placed in a pack: its documents are the pack's rows [skip, skip + piece.rows). */
export interface Placed<T> {
  piece: Chunk;
  skip: number;
  extra: T;
}

/** Groups one table's pieces, in the order given, into packs (see ChunkerParams.packDocs). */
export interface Packer<T> {
  add(piece: Chunk, extra: T): void;
  /** Ends the current pack (at the end of the table). */
  flush(): void;
}

export function createPacker<T>(p: ChunkerParams, emit: (plain: Uint8Array, placed: Placed<T>[]) => void): Packer<T> {
  let placed: Placed<T>[] = [];
  let rows = 0;
  let bytes = 0;
  const flush = () => {
    if (placed.length === 0) return;
    const plain = new Uint8Array(bytes);
    let at = 0;
    for (const x of placed) {
      plain.set(x.piece.plain, at);
      at += x.piece.plain.length;
    }
    emit(plain, placed);
    placed = [];
    rows = 0;
    bytes = 0;
  };
  return {
    add(piece, extra) {
      // A piece that fills a pack alone gets one (a journal's last piece, rewritten every day,
      // then takes no other piece's pack with it).
      const packDocs = p.packDocs ?? 0;
      if (placed.length > 0 && (bytes + piece.plain.length > p.maxBytes || piece.rows >= packDocs)) flush();
      placed.push({ piece, skip: rows, extra });
      rows += piece.rows;
      bytes += piece.plain.length;
      if (rows >= packDocs) flush();
    },
    flush,
  };
}

/** The packs' plaintexts a table's pieces make (the benchmark's floor seals exactly these). */
export function packPieces(pieces: readonly Chunk[], p: ChunkerParams): Uint8Array[] {
  const out: Uint8Array[] = [];
  const packer = createPacker<null>(p, (plain) => out.push(plain));
  for (const c of pieces) packer.add(c, null);
  packer.flush();
  return out;
}

/** Documents back from a pack's plaintext. */
export function parsePack(plain: string): unknown[] {
  const rows: unknown[] = [];
  for (const line of plain.split('\n')) if (line.length > 0) rows.push(JSON.parse(line));
  return rows;
}
