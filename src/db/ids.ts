// Ids for records created at the till (receipts, refunds, shifts, clients, mutations): UUID v7
// (RFC 9562, npm `uuid`), a millisecond timestamp then random bits. Sorted like their creation,
// a day's receipts and stock moves sit at the end of their tables' key space: IndexedDB appends
// instead of scattering inserts, and the daily backup rewrites only the journals' last packs
// (src/backup/format/chunker.ts). The timestamp only orders ids; no code reads time from an id.
import { v7 } from 'uuid';

export function newId(): string {
  return v7();
}
