// The features the till is made of, in the order their menu groups and widgets appear. The shell
// builds its routes, menu, settings pages and frame from these entries alone; its own part is
// the Settings screen (sections from every feature, plus Language and Storage).
import type { Feature, Screen, SettingsSection } from '../ui/feature';
import { posFeature } from '../pos/ui';
import { syncFeature } from '../sync/ui';
import { backupFeature } from '../backup/ui';
import { LanguageSettings, SettingsScreen, StorageSettings } from './SettingsScreen';

declare module '../ui/routing' {
  interface Routes {
    settings: string | null;
  }
}

const shellSettings: readonly SettingsSection[] = [
  { id: 'language', order: 20, title: (t) => t('settings.language.title'), render: () => <LanguageSettings /> },
  { id: 'storage', order: 30, title: (t) => t('settings.storage.title'), render: () => <StorageSettings /> },
];

const FEATURE_LIST: readonly Feature[] = [posFeature, syncFeature, backupFeature];

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [...FEATURE_LIST.flatMap((f) => f.settings ?? []), ...shellSettings].sort((a, b) => a.order - b.order);

const shellFeature: Feature = {
  screens: [{ name: 'settings', render: (section) => <SettingsScreen section={section} sections={SETTINGS_SECTIONS} /> }],
};

export const FEATURES: readonly Feature[] = [...FEATURE_LIST, shellFeature];

export const SCREENS: ReadonlyMap<string, Screen> = new Map(FEATURES.flatMap((f) => f.screens ?? []).map((s) => [s.name, s]));

/** What an unknown or empty route opens. */
export const DEFAULT_SCREEN = 'sale';
