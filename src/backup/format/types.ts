// Shared types of the backup core: the storage interface every medium implements, the
// failure reasons restore and verify return as values, and the commit-step fault hook.
import { fail as modelFail, ok as modelOk, type Clock, type Result as ModelResult } from '@model';

/** Expected failures, returned as values (`{ ok: false, reason }`); the UI maps them to text. */
export type BackupFailure =
  | 'wrong-password'
  | 'damaged'
  | 'unsupported-version'
  | 'missing-piece'
  | 'no-backup'
  | 'not-allowed'
  | 'quota'
  | 'medium-gone'
  | 'io'
  | 'interrupted'
  | 'not-configured'
  | 'offline'
  | 'other-set';

/** The model's one Result shape, with the backup's failure reasons. */
export type Result<T> = ModelResult<T, BackupFailure>;

export const ok = <T>(value: T): Result<T> => modelOk(value);
export const fail = <T = never>(reason: BackupFailure, detail?: string): Result<T> => modelFail(reason, detail);

/** Thrown inside the core and adapters; caught at the service edge and turned into a Result. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupFailure,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'BackupError';
  }
}

export interface FileInfo {
  name: string;
  size: number;
}

/** Read side of a medium: a directory, a ZIP file, the back office. Paths use '/'. */
export interface BackupReader {
  /** The file's bytes, or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /** Files directly inside a folder ('' = the root); [] when the folder does not exist. */
  list(dir: string): Promise<FileInfo[]>;
  /** Names only (cheaper than list on directory handles, where a size costs a getFile). */
  names?(dir: string): Promise<string[]>;
}

/**
 * A medium the engine writes a repository to. `write` must replace the file as a whole (a
 * half-written file never becomes visible under its name): File System Access writables swap
 * the file in on close, which is what the commit order relies on.
 */
export interface BackupDestination extends BackupReader {
  readonly kind: 'directory' | 'memory' | 'download' | 'http';
  write(path: string, bytes: Uint8Array): Promise<void>;
  remove(path: string): Promise<void>;
}

/** The commit steps, in order. A fault hook may throw after any of them to simulate a crash. */
export const COMMIT_STEPS = ['packs-written', 'manifest-written', 'verified', 'head-written', 'gc-done'] as const;
export type CommitStep = (typeof COMMIT_STEPS)[number];
export interface Faults {
  after?(step: CommitStep): void | Promise<void>;
}

/** The model's injected clock. */
export type BackupClock = Clock;

export interface Progress {
  phase: 'read' | 'pack' | 'write' | 'verify' | 'gc' | 'stage' | 'restore';
  done: number;
  total: number;
  bytes?: number;
}
export type OnProgress = (p: Progress) => void;

export function toFailure(e: unknown): { reason: BackupFailure; detail: string } {
  if (e instanceof BackupError) return { reason: e.code, detail: e.message };
  return { reason: 'io', detail: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
}
