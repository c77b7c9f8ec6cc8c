import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { createAdminI18n, pickLanguage } from './index';

describe('admin language', () => {
  it.each([
    [null, ['fr-CA', 'en'], 'fr'],
    [null, ['de-DE', 'en-GB'], 'en'],
    [null, ['de'], 'en'],
    ['fr', ['en-US'], 'fr'],
    ['xx', ['fr-FR'], 'fr'],
  ] as const)('picks %s / %j as %s', (saved, preferred, expected) => {
    expect(pickLanguage(saved, preferred)).toBe(expected);
  });

  it('has the same keys in French and English', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('translates and interpolates without escaping', () => {
    const i18n = createAdminI18n('fr');
    expect(i18n.t('common.pageOf', { ns: 'admin', page: 2, pages: 5 })).toBe('Page 2 sur 5');
    expect(i18n.t('common.deleteConfirm', { ns: 'admin', name: 'Thé & café' })).toContain('« Thé & café »');
  });
});
