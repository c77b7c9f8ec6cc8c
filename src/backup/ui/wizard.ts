// Pure step logic of the backup screens: which wizard steps exist, when "Next" is allowed, the
// password rules, and the reason → translation key map. No React here, so it is unit-tested.
import type { BackupFailure } from '../format/types';

export type ExportStep = 'orgs' | 'stores' | 'settings' | 'summary';

/** Seed 004: the company (store) step shows only when exactly one organization is selected. */
export function exportSteps(selectedOrgs: number): ExportStep[] {
  return selectedOrgs === 1 ? ['orgs', 'stores', 'settings', 'summary'] : ['orgs', 'settings', 'summary'];
}

export interface ExportDraft {
  orgIds: string[];
  storeIds: string[];
  password: string;
  confirm: string;
}

export type PasswordProblem = 'mismatch' | 'tooShort' | null;

/** Optional password (empty = unencrypted); when given it must be confirmed and long enough. */
export function passwordProblem(password: string, confirm: string, required: boolean): PasswordProblem {
  if (!required && password === '' && confirm === '') return null;
  if (password.length < 8) return 'tooShort';
  if (password !== confirm) return 'mismatch';
  return null;
}

export function canLeaveExportStep(step: ExportStep, d: ExportDraft): boolean {
  switch (step) {
    case 'orgs':
      return d.orgIds.length > 0;
    case 'stores':
      return d.storeIds.length > 0;
    case 'settings':
      return passwordProblem(d.password, d.confirm, false) === null;
    case 'summary':
      return true;
  }
}

/** The step after `step` for this selection (the list changes when the selection does). */
export function nextStep<S extends string>(steps: readonly S[], step: S): S {
  const i = steps.indexOf(step);
  return steps[Math.min(i + 1, steps.length - 1)] ?? step;
}
export function previousStep<S extends string>(steps: readonly S[], step: S): S {
  const i = steps.indexOf(step);
  return steps[Math.max(i - 1, 0)] ?? step;
}

/** Right-click on a list (seed 004) selects all, or clears all when all are already selected. */
export function toggleAll(all: readonly string[], selected: readonly string[]): string[] {
  return all.every((id) => selected.includes(id)) ? [] : [...all];
}
export function toggleOne(selected: readonly string[], id: string): string[] {
  return selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
}

/** Which stores of one organization go in the file; with several organizations, all of them. */
export function storesFor<T extends { id: string }>(stores: readonly T[], selectedOrgs: number, storeIds: readonly string[]): T[] {
  return selectedOrgs === 1 ? stores.filter((s) => storeIds.includes(s.id)) : [...stores];
}

export type RestoreStep = 'target' | 'source' | 'password' | 'preview' | 'done';
export const RESTORE_STEPS: readonly RestoreStep[] = ['target', 'source', 'password', 'preview', 'done'];

export type UiFailure = BackupFailure | 'cancelled';

/** Every failure shows through `backup.reason.<reason>`; unknown reasons fall back to 'io'. */
const KNOWN: readonly UiFailure[] = [
  'wrong-password', 'damaged', 'unsupported-version', 'missing-piece', 'no-backup', 'not-allowed', 'quota',
  'medium-gone', 'io', 'interrupted', 'not-configured', 'offline', 'other-set', 'cancelled',
];
export function reasonKey(reason: string): `backup.reason.${UiFailure}` {
  const r = (KNOWN as readonly string[]).includes(reason) ? (reason as UiFailure) : 'io';
  return `backup.reason.${r}`;
}

/** A safe file name for the export: organization name(s) and the date. */
export function exportFileName(orgNames: readonly string[], now: Date): string {
  const base = orgNames.length === 1 ? (orgNames[0] ?? 'backup') : 'organizations';
  const slug = base.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'backup';
  return `${slug}-${now.toISOString().slice(0, 10)}.posbackup`;
}
