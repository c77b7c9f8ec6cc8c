// Settings → Printer: the receipt paper width.
import { useTranslation } from 'react-i18next';
import { usePrinterSettings, type PaperWidth } from './hooks/usePrinterSettings';

export function PrinterSettings() {
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
