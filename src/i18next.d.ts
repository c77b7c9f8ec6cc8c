// Compile-time keys: every t('…') of the till is checked against the English bundle the shell
// assembles (setup.ts), every t('…') of the admin page against the admin's English strings (its
// own i18next instance, namespace 'admin'). A key missing from English fails `npm run typecheck`,
// template keys included (t(`lists.${list}`) needs `list` to be a union of existing keys).
import type { TillResources } from './app/i18n/setup';
import type { en as adminEn } from './admin/i18n/en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TillResources; admin: typeof adminEn };
    strictKeyChecks: true;
  }
}
