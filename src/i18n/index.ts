// i18next setup: French, English, Russian and Polish; the browser's language by default, a switch
// in Settings overrides it (kept in localStorage). Money and dates go through Intl (format.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { ru } from './ru';
import { pl } from './pl';
import * as sync from '../sync/ui/strings';
import * as backup from '../backup/ui/strings';
import * as screens from '../pos/ui/screens-strings';

export const LANGUAGES = ['fr', 'en', 'ru', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'pos.language';

export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  const candidates = [stored, ...browser].filter((c): c is string => !!c);
  for (const c of candidates) {
    const base = c.toLowerCase().split('-')[0] as Language;
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

export function initI18n(): typeof i18next {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  const lng = pickLanguage(stored, browser);
  void i18next.use(initReactI18next).init({
    resources: {
      en: { translation: { ...en, sync: sync.en, backup: backup.en, screens: screens.en } },
      fr: { translation: { ...fr, sync: sync.fr, backup: backup.fr, screens: screens.fr } },
      ru: { translation: { ...ru, sync: sync.ru, backup: backup.ru, screens: screens.ru } },
      pl: { translation: { ...pl, sync: sync.pl, backup: backup.pl, screens: screens.pl } },
    },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
  return i18next;
}

export function setLanguage(lng: Language): void {
  localStorage.setItem(STORAGE_KEY, lng);
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}
