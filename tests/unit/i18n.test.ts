// Every language has the same keys as English (plural forms aside: i18next adds _few, _many… per
// language, which the types allow but cannot check), and the language choice. Keys used by t() are
// checked at compile time (src/app/i18n/types.ts), not here.
import { describe, expect, it } from 'vitest';
import { pickLanguage, resources } from '../../src/app/i18n/setup';
import { strings as admin } from '../../src/admin/i18n';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const base = (k: string) => k.replace(PLURAL, '');
const sameKeys = (reference: object, other: object) => {
  const want = new Set(keys(reference).map(base));
  const have = new Set(keys(other).map(base));
  return { missing: [...want].filter((k) => !have.has(k)), stray: [...have].filter((k) => !want.has(k)) };
};

describe('translations', () => {
  it.each(['fr', 'ru', 'pl'] as const)('%s has every English key of the till and no stray one', (lng) => {
    expect(sameKeys(resources.en.translation, resources[lng].translation)).toEqual({ missing: [], stray: [] });
  });

  it('the admin page has the same keys in French and English', () => {
    expect(sameKeys(admin.en, admin.fr)).toEqual({ missing: [], stray: [] });
  });

  it('every plural key has its "other" form in every language', () => {
    for (const [lng, { translation }] of Object.entries(resources)) {
      const all = new Set(keys(translation));
      const plurals = [...all].filter((k) => PLURAL.test(k)).map(base);
      expect(plurals.filter((k) => !all.has(`${k}_other`)), lng).toEqual([]);
    }
  });

  it('keeps the key paths of every feature', () => {
    const en = resources.en.translation as Record<string, unknown>;
    for (const top of ['common', 'menu', 'login', 'sale', 'pay', 'receipt', 'screens', 'sync', 'backup']) expect(en, top).toHaveProperty(top);
  });

  it('French uses the seed manuals’ own words', () => {
    const fr = resources.fr.translation as { menu: { dataUpdate: string; dailyBackup: string } };
    expect(fr.menu.dataUpdate).toBe('Mise à jour des données');
    expect(fr.menu.dailyBackup).toBe('Sauvegarde journalière');
  });

  it('picks the stored language, then the browser’s, then English', () => {
    expect(pickLanguage('pl', ['fr-FR'])).toBe('pl');
    expect(pickLanguage(null, ['ru-RU', 'en'])).toBe('ru');
    expect(pickLanguage(null, ['de-DE'])).toBe('en');
  });
});
