// The backup media. A new medium is one file (a BackupMedium, see types.ts) and one line in
// MEDIA; the stored settings' type (MediumSettings) follows from this list.
import type { z } from 'zod';
import { backOfficeMedium } from './backOffice';
import { downloadMedium } from './download';
import { folderMedium } from './folder';
import type { BackupMedium, FileFiller, MediumContext, MediumStatus, OpenedMedium } from './types';

export const MEDIA = [folderMedium, backOfficeMedium, downloadMedium] as const;

type Medium = (typeof MEDIA)[number];
/** What the settings store for the chosen medium: one variant per medium, by `kind`. */
export type MediumSettings = z.infer<Medium['schema']>;
export type MediumKind = MediumSettings['kind'];

export const DEFAULT_MEDIUM: MediumSettings = { kind: 'download' };

export type { BackupMedium, MediumContext, MediumLabelKey, MediumStatus, OpenedMedium } from './types';

/** The medium of `kind` (typed loosely: callers hold settings of that kind). */
export function mediumOf(kind: MediumKind): BackupMedium<MediumKind, MediumSettings> {
  const found = MEDIA.find((m) => m.kind === kind);
  if (!found) throw new Error(`unknown backup medium ${kind}`);
  return found as unknown as BackupMedium<MediumKind, MediumSettings>;
}

/** Stored settings checked against their medium's schema; null when unknown or invalid. */
export function parseMedium(value: unknown): MediumSettings | null {
  const kind = (value as { kind?: unknown } | null)?.kind;
  const medium = MEDIA.find((m) => m.kind === kind);
  if (!medium) return null;
  const parsed = medium.schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Whether a medium can be used at any time (no status to ask). */
export function alwaysAvailable(kind: MediumKind): boolean {
  return !mediumOf(kind).status;
}

const AVAILABLE: MediumStatus = { available: true, detail: null };

/** Every medium's status now, by kind. */
export async function mediumStatuses(ctx: MediumContext): Promise<Record<MediumKind, MediumStatus>> {
  const entries = await Promise.all(MEDIA.map(async (m) => [m.kind, m.status ? await m.status(ctx) : AVAILABLE] as const));
  return Object.fromEntries(entries) as Record<MediumKind, MediumStatus>;
}

/** The medium runs use: the chosen one, or while it is unavailable the fallback (or a download). */
export function effectiveMedium(
  s: { medium: MediumSettings; fallbackMedium: MediumSettings | null },
  statuses: Record<MediumKind, MediumStatus>,
): MediumSettings {
  if (statuses[s.medium.kind].available) return s.medium;
  return s.fallbackMedium && statuses[s.fallbackMedium.kind].available ? s.fallbackMedium : DEFAULT_MEDIUM;
}

/** Opens the medium runs use now (null when it cannot be opened: the back office without a set). */
export async function openMedium(
  s: { medium: MediumSettings; fallbackMedium: MediumSettings | null },
  ctx: MediumContext,
): Promise<(OpenedMedium & MediumDescription) | null> {
  const chosen = effectiveMedium(s, await mediumStatuses(ctx));
  const opened = await mediumOf(chosen.kind).open(chosen, ctx);
  return opened && { ...opened, ...describeMedium(chosen) };
}

export interface MediumDescription {
  kind: MediumKind;
  labelKey: BackupMedium['labelKey'];
  /** Shown with `labelKey` (`t(labelKey, { name })`). */
  name: string | undefined;
  namable: boolean;
  readable: boolean;
}

export function describeMedium(s: MediumSettings): MediumDescription {
  const m = mediumOf(s.kind);
  return { kind: s.kind, labelKey: m.labelKey, name: m.displayName?.(s), namable: m.namable, readable: m.readable };
}

/** Writes one file to the medium (the export); false when the medium cannot hold single files. */
/** Streams a file to the medium; null when the medium cannot hold files. */
export async function saveFileTo<T extends { ok: boolean }>(s: MediumSettings, fileName: string, fill: FileFiller<T>): Promise<T | null> {
  const m = mediumOf(s.kind);
  if (!m.saveFile) return null;
  return m.saveFile(s, fileName, fill);
}
