// What a backup medium is to the rest of the backup feature: a kind, the text that names it, the
// zod schema of what the settings store for it, and how to open it. The registry (index.ts)
// lists them; hooks and screens ask it instead of choosing between media themselves.
import type { z } from 'zod';
import type { OrgDatabase } from '../../db/schema';
import type { BackupDestination } from '../format/types';

/** The translation key naming a medium (`{{name}}` is the folder's name where there is one). */
export type MediumLabelKey = 'backup.medium.folder' | 'backup.medium.download' | 'backup.medium.backOffice';

/** Writes a file's chunks through `write`; `ok: false` discards the file. */
export type FileFiller<T extends { ok: boolean }> = (write: (chunk: Uint8Array) => Promise<void> | void) => Promise<T>;

export interface MediumContext {
  db: OrgDatabase;
  /** The backup set the run or verification is for (null before the first setup). */
  setId: string | null;
  fetch?: typeof fetch;
}

export interface MediumStatus {
  /** Whether the medium can be used now (the back office needs an active link). */
  available: boolean;
  /** Shown with the medium (the back office's address), null when nothing. */
  detail: string | null;
}

export interface OpenedMedium {
  destination: BackupDestination;
  /** The history label when the manager typed none (a folder's name); else the destination kind. */
  defaultLabel?: string;
  /** Inside the click, before the run: false when the browser refuses the medium ('not-allowed'). */
  prepare(): Promise<boolean>;
  /** After a successful run (the download hands its file to the browser). */
  finish(fileName: string): Promise<void>;
}

export interface BackupMedium<K extends string = string, S extends { kind: K } = { kind: K }> {
  kind: K;
  labelKey: MediumLabelKey;
  /** What the settings store for this medium. */
  schema: z.ZodType<S>;
  /** The manager may name the medium (the label recorded in the history). */
  namable: boolean;
  /** A backup made there can be read back (verify). */
  readable: boolean;
  /** Omitted: always available. */
  status?(ctx: MediumContext): Promise<MediumStatus>;
  open(settings: S, ctx: MediumContext): Promise<OpenedMedium | null>;
  /** The name shown with `labelKey`. */
  displayName?(settings: S): string | undefined;
  /**
   * Streams one file there (the export wizard's .posbackup): `fill` writes its chunks and answers
   * whether the file is complete; an incomplete or failed file is discarded. Omitted when the
   * medium cannot hold a file.
   */
  saveFile?<T extends { ok: boolean }>(settings: S, fileName: string, fill: FileFiller<T>): Promise<T>;
}
