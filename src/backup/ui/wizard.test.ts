import { describe, expect, it } from 'vitest';
import { canLeaveExportStep, exportFileName, exportSteps, nextStep, passwordProblem, previousStep, reasonKey, storesFor, toggleAll, toggleOne } from './wizard';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { pl } from '../i18n/pl';
import { ru } from '../i18n/ru';

describe('export wizard steps', () => {
  it('shows the company step only when exactly one organization is selected', () => {
    expect(exportSteps(1)).toEqual(['orgs', 'stores', 'settings', 'summary']);
    expect(exportSteps(2)).not.toContain('stores');
    expect(exportSteps(0)).not.toContain('stores');
  });

  it('moves forward and back within the steps of the selection', () => {
    const steps = exportSteps(2);
    expect(nextStep(steps, 'orgs')).toBe('settings');
    expect(previousStep(steps, 'settings')).toBe('orgs');
    expect(nextStep(steps, 'summary')).toBe('summary');
    expect(previousStep(steps, 'orgs')).toBe('orgs');
  });

  it('needs an organization, a store, and a confirmed password when one is typed', () => {
    const d = { orgIds: [], storeIds: [], password: '', confirm: '' };
    expect(canLeaveExportStep('orgs', d)).toBe(false);
    expect(canLeaveExportStep('orgs', { ...d, orgIds: ['a'] })).toBe(true);
    expect(canLeaveExportStep('stores', d)).toBe(false);
    expect(canLeaveExportStep('settings', d)).toBe(true);
    expect(canLeaveExportStep('settings', { ...d, password: 'longenough', confirm: 'longenougH' })).toBe(false);
    expect(canLeaveExportStep('settings', { ...d, password: 'longenough', confirm: 'longenough' })).toBe(true);
  });

  it('requires a long, confirmed password when a password is required', () => {
    expect(passwordProblem('', '', true)).toBe('tooShort');
    expect(passwordProblem('short', 'short', false)).toBe('tooShort');
    expect(passwordProblem('12345678', '12345679', true)).toBe('mismatch');
    expect(passwordProblem('12345678', '12345678', true)).toBeNull();
  });

  it('right-click selects all, and clears all when all are selected', () => {
    expect(toggleAll(['a', 'b'], ['a'])).toEqual(['a', 'b']);
    expect(toggleAll(['a', 'b'], ['b', 'a'])).toEqual([]);
    expect(toggleOne(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleOne(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('keeps every store when several organizations are exported', () => {
    const stores = [{ id: 's1' }, { id: 's2' }];
    expect(storesFor(stores, 1, ['s2'])).toEqual([{ id: 's2' }]);
    expect(storesFor(stores, 2, ['s2'])).toEqual(stores);
  });

  it('names the file after the organization and the date', () => {
    expect(exportFileName(['Boulangerie Émile'], new Date('2026-11-23T10:00:00Z'))).toBe('boulangerie-emile-2026-11-23.posbackup');
    expect(exportFileName(['a', 'b'], new Date('2026-11-23T10:00:00Z'))).toBe('organizations-2026-11-23.posbackup');
  });
});

describe('failure messages', () => {
  it('has a translated message for each reason in every language, unknown ones fall back to io', () => {
    expect(reasonKey('damaged')).toBe('backup.reason.damaged');
    expect(reasonKey('weird')).toBe('backup.reason.io');
    for (const dict of [en, fr, ru, pl]) {
      for (const r of ['wrong-password', 'damaged', 'unsupported-version'] as const) expect(dict.reason[r].length).toBeGreaterThan(5);
    }
  });

  it('uses the seed words in French', () => {
    expect(fr.title).toBe('Sauvegarde journalière');
    expect(fr.run).toBe('Lancer la sauvegarde');
    expect(fr.options.includeIndexes).toBe('Sauvegarder les index');
    expect(fr.options.compression).toBe('Taux de compression');
    expect(fr.options.validate).toBe('Valider');
    expect(fr.orgs.backup).toBe('Sauvegarder');
    expect(fr.export.finish).toBe('Terminer');
    expect(fr.restore.title).toBe('Restauration');
  });
});
