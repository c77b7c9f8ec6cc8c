// Settings: Connection (sync), Language, Storage (persistence and usage), Printer (paper width).
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useQuery } from '@tanstack/react-query';
import { useApp } from '../../app/AppContext';
import { LANGUAGES, setLanguage, type Language } from '../../app/i18n/setup';
import { ConnectionSettings } from '../../sync/ui/ConnectionSettings';
import { RequireRight } from '../../ui/RequireRight';
import { usePrinterSettings, type PaperWidth } from './hooks/usePrinterSettings';

const SECTIONS = ['general', 'connection', 'language', 'storage', 'printer'] as const;
const isSection = (s: string): s is (typeof SECTIONS)[number] => (SECTIONS as readonly string[]).includes(s);

const LANGUAGE_NAMES: Record<Language, string> = { fr: 'Français', en: 'English', ru: 'Русский', pl: 'Polski' };

export function SettingsScreen({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <section className="stack" aria-labelledby="settings-title">
      <h1 id="settings-title">{isSection(section) ? t(`settings.${section}.title`) : t('menu.settings')}</h1>
      {section === 'connection' && (
        <RequireRight right="settings">
          <ConnectionSettings />
        </RequireRight>
      )}
      {section === 'storage' && <StorageSettings />}
      {section === 'printer' && <PrinterSettings />}
      {(section === 'language' || !['connection', 'storage', 'printer'].includes(section)) && <LanguageSettings />}
    </section>
  );
}

function LanguageSettings() {
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

function StorageSettings() {
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

function PrinterSettings() {
  const { t } = useTranslation();
  const [width, setWidth] = usePrinterSettings();
  return (
    <div className="card row" role="radiogroup" aria-label={t('settings.printer.paper')}>
      {(['58', '80'] as PaperWidth[]).map((w) => (
        <button key={w} type="button" role="radio" aria-checked={width === w} className={width === w ? 'primary' : ''} onClick={() => void setWidth(w)}>
          {t('settings.printer.width', { mm: w })}
        </button>
      ))}
    </div>
  );
}
