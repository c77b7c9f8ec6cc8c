// The admin page's own i18next instance (separate from the till's), English and French, the
// default taken from the browser and the user's choice remembered in localStorage.
import i18next, { type i18n, type ParseKeys } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';

/** The admin page's strings live in their own namespace: components call useTranslation('admin'). */
export const namespace = 'admin';
export const strings = { en, fr };

/** A key of the admin dictionary, as t('…') of useTranslation('admin') accepts it. */
export type AdminKey = ParseKeys<'admin'>;

/** A key built from names the types cannot see: the form specs' field names, select options and
 * units, and record data (a unit, a scope, a right). index.test.ts checks the specs' and columns'
 * keys at run time instead. */
export function dynamicKey(key: string): AdminKey {
  return key as AdminKey;
}

export const ADMIN_LANGUAGES = ['en', 'fr'] as const;
export type AdminLanguage = (typeof ADMIN_LANGUAGES)[number];
const STORAGE_KEY = 'pos-admin-language';

/** The first supported language among the browser's preferences, English otherwise. */
export function pickLanguage(saved: string | null, preferred: readonly string[]): AdminLanguage {
  const candidates = saved ? [saved, ...preferred] : preferred;
  for (const tag of candidates) {
    const base = tag.toLowerCase().split('-')[0];
    const found = ADMIN_LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

export function createAdminI18n(language: AdminLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { [namespace]: en }, fr: { [namespace]: fr } },
    ns: [namespace],
    defaultNS: namespace,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

function readSaved(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: fall back to the browser languages
  }
}

export function initialLanguage(): AdminLanguage {
  const saved = readSaved();
  return pickLanguage(saved, typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

export function rememberLanguage(language: AdminLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered when storage is disabled; the switch still works for this visit.
  }
}
