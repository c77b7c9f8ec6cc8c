// An X or Z report on receipt paper (printable): counts, totals, per-method totals, cash.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatShortDateTime } from '../../../ui/format';
import type { ShiftReport } from '@model';
import { useMoney } from '../hooks/useMoney';
import { useParameters } from '../hooks/useParameters';
import { usePrinterSettings } from '../hooks/usePrinterSettings';
import { isKeyOf } from '../../../ui/widen';
import { en } from '../../i18n/en';
import '../../../ui/lists.css';

function methodLabel(key: string, t: TFunction): string {
  if (key.startsWith('foreignCash:')) return t('screens.shift.methods.foreignCash', { currency: key.slice('foreignCash:'.length) });
  return isKeyOf(en.screens.shift.methods, key) ? t(`screens.shift.methods.${key}`) : key;
}

export function ShiftReportView({ report, kind }: { report: ShiftReport; kind: 'x' | 'z' }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const parameters = useParameters();
  const [width] = usePrinterSettings();
  const row = (label: string, value: string, testId?: string) => (
    <tr>
      <td>{label}</td>
      <td className="num" data-testid={testId}>
        {value}
      </td>
    </tr>
  );
  return (
    <div className={`receipt-paper report-paper${width === '58' ? ' w58' : ''}`} data-testid={`${kind}-report`}>
      <p className="center">
        <strong>{parameters?.shopName ?? ''}</strong>
        {'\n'}
        {t(kind === 'x' ? 'screens.shift.xTitle' : 'screens.shift.zTitle', { number: report.number })}
      </p>
      <table>
        <tbody>
          {row(t('screens.shift.openedAt'), formatShortDateTime(report.openedAt, i18n.language))}
          {report.closedAt && row(t('screens.shift.closedAt'), formatShortDateTime(report.closedAt, i18n.language))}
          {row(t('screens.shift.salesCount'), String(report.salesCount))}
          {row(t('screens.shift.salesTotal'), money(report.salesTotal), 'report-sales-total')}
          {row(t('screens.shift.refundsCount'), String(report.refundsCount))}
          {row(t('screens.shift.refundsTotal'), money(report.refundsTotal))}
        </tbody>
      </table>
      <hr />
      <p>
        <strong>{t('screens.shift.byMethod')}</strong>
      </p>
      <table data-testid="report-methods">
        <tbody>
          {Object.keys(report.byMethod).length === 0 && row(t('screens.shift.noPayments'), '')}
          {Object.entries(report.byMethod).map(([k, v]) => (
            <tr key={k}>
              <td>{methodLabel(k, t)}</td>
              <td className="num">{money(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <hr />
      <table>
        <tbody>
          {row(t('screens.shift.float'), money(report.openingFloat))}
          {row(t('screens.shift.cashIn'), money(report.cashIn))}
          {row(t('screens.shift.cashOut'), money(report.cashOut))}
          {row(t('screens.shift.expectedCash'), money(report.expectedCash), 'report-expected')}
          {report.countedCash !== null && row(t('screens.shift.countedCash'), money(report.countedCash), 'report-counted')}
          {report.difference !== null && row(t('screens.shift.difference'), money(report.difference), 'report-difference')}
        </tbody>
      </table>
    </div>
  );
}
