// i18next setup of the till: French, English, Russian and Polish; the browser's language by
// default, a switch in Settings overrides it (kept in localStorage). Each feature owns its strings
// (<feature>/i18n/<language>.ts) and exports them from its i18n/index.ts; the shell assembles them
// into the one 'translation' namespace, so keys read t('menu.sale'), t('sale.pay'),
// t('screens.common.loading'), t('sync.tile.…'), t('backup.run'). Money and dates go through Intl
// (src/ui/format.ts).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import * as app from './index';
import * as pos from '../../pos/i18n';
import * as sync from '../../sync/i18n';
import * as backup from '../../backup/i18n';

export const LANGUAGES = ['fr', 'en', 'ru', 'pl'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'pos.language';

/** The till's 'translation' namespace in one language, assembled from the features' strings. */
function bundle<L extends Language>(lng: L) {
  return {
    ...app.strings[lng],
    ...pos.strings[lng],
    [sync.namespace]: sync.strings[lng],
    [backup.namespace]: backup.strings[lng],
  };
}

/** The English bundle: its type is the key set every t('…') call of the till is checked against. */
export const enResources = bundle('en');
export type TillResources = typeof enResources;

export const resources: Record<Language, { translation: object }> = {
  en: { translation: enResources },
  fr: { translation: bundle('fr') },
  ru: { translation: bundle('ru') },
  pl: { translation: bundle('pl') },
};

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
    resources,
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
