// Settings: one page per section the features contribute (Connection, Printer…) plus the shell's
// Language and Storage.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useQuery } from '@tanstack/react-query';
import { useApp } from '../ui/AppContext';
import { LANGUAGES, setLanguage, type Language } from './i18n/setup';
import { RequireRight } from '../ui/RequireRight';
import type { SettingsSection } from '../ui/feature';

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', en: 'English', ru: 'Русский', pl: 'Polski' };

export function SettingsScreen({ section, sections }: { section: string | null; sections: readonly SettingsSection[] }) {
  const { t } = useTranslation();
  const current = sections.find((s) => s.id === section) ?? sections.find((s) => s.id === 'language');
  if (!current) return null;
  const body = current.render();
  return (
    <section className="stack" aria-labelledby="settings-title">
      <h1 id="settings-title">{current.title(t)}</h1>
      {current.right ? <RequireRight right={current.right}>{body}</RequireRight> : body}
    </section>
  );
}

export function LanguageSettings() {
  const { t, i18n } = useTranslation();
  return (
    <div className="card row" role="radiogroup" aria-label={t('settings.language.title')}>
      {LANGUAGES.map((lng) => (
        <button key={lng} type="button" role="radio" aria-checked={i18n.language === lng} className={i18n.language === lng ? 'primary' : ''} onClick={() => setLanguage(lng)} lang={lng}>
          {LANGUAGE_NAMES[lng]}
        </button>
      ))}
    </div>
  );
}

export function StorageSettings() {
  const { t, i18n } = useTranslation();
  const { registry } = useApp();
  const persisted = useLiveQuery(() => registry.meta.get('persisted'), [registry]);
  const estimate = useQuery({
    queryKey: ['storage-estimate'],
    queryFn: async () => (navigator.storage?.estimate ? navigator.storage.estimate() : null),
  });
  const fmt = (bytes: number | undefined) =>
    bytes === undefined ? '—' : new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1e6);
  const state = persisted?.value === true ? 'granted' : persisted?.value === false ? 'denied' : 'unknown';
  return (
    <div className="card stack">
      <p data-testid="storage-persisted" data-state={state}>
        {t(`settings.storage.persist.${state}`)}
      </p>
      {estimate.data && (
        <p>
          {t('settings.storage.usage', { used: fmt(estimate.data.usage), quota: fmt(estimate.data.quota) })}
        </p>
      )}
    </div>
  );
}
