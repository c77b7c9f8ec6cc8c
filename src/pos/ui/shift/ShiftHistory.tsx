// Earlier shifts of this till with their stored Z reports, reopened on demand for reprinting.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftRow } from '../../../db/schema';
import type { ShiftReport } from '@model';
import { formatShortDateTime } from '../../../ui/format';
import { Dialog } from '../../../ui/Dialog';
import { useMoney } from '../hooks/useMoney';
import { usePrinterSettings } from '../hooks/usePrinterSettings';
import { useRecentShifts } from '../hooks/useRecentShifts';
import { ListStates } from '../../../ui/ListStates';
import { printWithPaper } from '../receipts/print';
import { ShiftReportView } from './ShiftReportView';

function zOf(row: ShiftRow): ShiftReport {
  const { status: _status, cashMoves: _moves, ...report } = row;
  return report;
}

export function ShiftHistory() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const [width] = usePrinterSettings();
  const shifts = useRecentShifts(20);
  const [shown, setShown] = useState<ShiftRow | null>(null);
  return (
    <section className="stack" aria-labelledby="shift-history">
      <h2 id="shift-history">{t('screens.shift.history')}</h2>
      <ListStates result={shifts} isEmpty={(rows) => !rows.some((s) => s.status === 'closed')} empty={t('screens.shift.noHistory')}>
        {(rows) => (
          <table className="list-table" data-testid="shift-history">
            <thead>
              <tr>
                <th>{t('screens.shift.number')}</th>
                <th>{t('screens.shift.closedAt')}</th>
                <th className="num">{t('screens.shift.salesTotal')}</th>
                <th className="num">{t('screens.shift.difference')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows
                .filter((s) => s.status === 'closed')
                .map((s) => (
                  <tr key={s.id}>
                    <td>{s.number}</td>
                    <td>{s.closedAt ? formatShortDateTime(s.closedAt, i18n.language) : ''}</td>
                    <td className="num">{money(s.salesTotal)}</td>
                    <td className="num">{s.difference === null ? '' : money(s.difference)}</td>
                    <td>
                      <button type="button" onClick={() => setShown(s)}>
                        {t('screens.shift.zReport')}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </ListStates>
      {shown && (
        <Dialog title={t('screens.shift.zTitle', { number: shown.number })} onClose={() => setShown(null)} testId="z-report-dialog">
          <ShiftReportView report={zOf(shown)} kind="z" />
          <button type="button" onClick={() => printWithPaper(width)}>
            {t('screens.shift.print')}
          </button>
        </Dialog>
      )}
    </section>
  );
}
