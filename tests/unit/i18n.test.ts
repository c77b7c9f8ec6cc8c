// Every language has every key, and every literal key the till's code asks for exists in English.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { fr } from '../../src/i18n/fr';
import { ru } from '../../src/i18n/ru';
import { pl } from '../../src/i18n/pl';
import * as sync from '../../src/sync/ui/strings';
import * as backup from '../../src/backup/ui/strings';
import * as screens from '../../src/pos/ui/screens-strings';
import { pickLanguage } from '../../src/i18n';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const bundle = (core: object, lng: 'en' | 'fr' | 'ru' | 'pl') => ({ ...core, sync: sync[lng], backup: backup[lng], screens: screens[lng] });
const base = (k: string) => k.replace(PLURAL, '');

describe('translations', () => {
  const english = new Set(keys(bundle(en, 'en')).map(base));
  it.each([
    ['fr', bundle(fr, 'fr')],
    ['ru', bundle(ru, 'ru')],
    ['pl', bundle(pl, 'pl')],
  ])('%s has every English key and no stray one', (_lng, dict) => {
    const other = new Set(keys(dict).map(base));
    expect([...english].filter((k) => !other.has(k))).toEqual([]);
    expect([...other].filter((k) => !english.has(k))).toEqual([]);
  });

  it('has every literal key used by t() in src/', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) { if (name !== 'admin') walk(p); }
        else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.includes('strings')) files.push(p);
      }
    };
    walk(join(__dirname, '../../src'));
    const missing: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        const key = m[1]!;
        if (!english.has(key) && ![...english].some((k) => k.startsWith(`${key}.`))) missing.push(`${f.split('/src/')[1]}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('French uses the seed manuals’ own words', () => {
    expect(fr.menu.dataUpdate).toBe('Mise à jour des données');
    expect(fr.menu.dailyBackup).toBe('Sauvegarde journalière');
  });

  it('picks the stored language, then the browser’s, then English', () => {
    expect(pickLanguage('pl', ['fr-FR'])).toBe('pl');
    expect(pickLanguage(null, ['ru-RU', 'en'])).toBe('ru');
    expect(pickLanguage(null, ['de-DE'])).toBe('en');
  });
});
