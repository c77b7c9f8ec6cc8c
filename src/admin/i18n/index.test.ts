import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { createAdminI18n, pickLanguage } from './index';
import { RIGHTS } from '@model';
import { FORM_SPECS } from '../forms/specs';
import { COLUMNS } from '../components/columns';

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

describe('admin keys built at run time', () => {
  // The form specs and columns name fields, options and units as strings (dynamicKey): the types
  // cannot check those keys, so every one is looked up here in both languages.
  const has = (dict: object, key: string) =>
    typeof key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), dict) === 'string';
  const specKeys = () =>
    Object.entries(FORM_SPECS).flatMap(([kind, specs]) =>
      specs.flatMap((s) => [`fields.${kind}.${s.name}`, ...(s.options ?? []).map((o) => `fields.${kind}.${s.name}_${o}`), ...[s.unit?.({})].filter((u): u is string => !!u)]),
    );
  const columnKeys = () => Object.values(COLUMNS).flatMap((cols) => cols.map((c) => c.header));
  const rightKeys = () => RIGHTS.map((r) => `rights.${r}`);

  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)('%s has every form field, option, unit, column and right', (_lng, dict) => {
    expect([...specKeys(), ...columnKeys(), ...rightKeys()].filter((k) => !has(dict, k))).toEqual([]);
  });
});
