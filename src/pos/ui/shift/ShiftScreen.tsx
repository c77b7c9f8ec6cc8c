// Shift menu: open with a float, cash in / cash out with a reason, X report at any time, close
// with the counted cash → Z report with the difference. Cash moves need 'openDrawer', closing
// needs 'closeShift' (else the supervisor PIN).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../../ui/AppContext';
import { isoNow } from '@model';
import { formatShortDateTime } from '../../../ui/format';
import type { ShiftReport } from '@model';
import { openShiftNow } from '../../services/shifts';
import { Dialog } from '../../../ui/Dialog';
import { useMoney } from '../hooks/useMoney';
import { usePrinterSettings } from '../hooks/usePrinterSettings';
import { printWithPaper } from '../receipts/print';
import { useRightGate } from '../hooks/useRightGate';
import { useShiftReport } from '../hooks/useShiftReport';
import { AmountError, AmountField, useParseAmount } from './AmountField';
import { CashMoveDialog, CloseShiftDialog } from './ShiftDialogs';
import { ShiftHistory } from './ShiftHistory';
import { ShiftReportView } from './ShiftReportView';
import '../../../ui/lists.css';
import type { AmountErrorReason } from '../../i18n';

type Open = null | 'in' | 'out' | 'x' | 'close';

export function ShiftScreen() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const report = useShiftReport();
  const gate = useRightGate();
  const [width] = usePrinterSettings();
  const [dialog, setDialog] = useState<Open>(null);
  const [zReport, setZReport] = useState<ShiftReport | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const title = <h1 id="shift-title">{t('screens.shift.title')}</h1>;
  if (report.status === 'loading') return <p role="status">{t('screens.common.loading')}</p>;
  if (report.status === 'error') {
    return (
      <div className="card row" role="alert">
        <span className="error">{t('screens.common.loadFailed', { reason: report.error })}</span>
        <button type="button" onClick={report.retry}>
          {t('screens.common.retry')}
        </button>
      </div>
    );
  }
  const x = report.data;
  return (
    <section className="stack" aria-labelledby="shift-title" data-testid="shift-screen">
      {title}
      {notice && (
        <p className="ok" role="status" data-testid="shift-notice">
          {notice}
        </p>
      )}
      {zReport && (
        <div className="stack">
          <ShiftReportView report={zReport} kind="z" />
          <div className="row">
            <button type="button" onClick={() => printWithPaper(width)}>
              {t('screens.shift.print')}
            </button>
            <button type="button" onClick={() => setZReport(null)}>
              {t('screens.common.close')}
            </button>
          </div>
        </div>
      )}
      {x === null ? (
        !zReport && <OpenShiftForm />
      ) : (
        <>
          <div className="card stack" data-testid="shift-open">
            <strong>{t('screens.shift.openNumber', { number: x.number, at: formatShortDateTime(x.openedAt, i18n.language) })}</strong>
            <span>
              {t('screens.shift.float')}: {money(x.openingFloat)} · {t('screens.shift.expectedCash')}:{' '}
              <span data-testid="shift-expected">{money(x.expectedCash)}</span>
            </span>
            <span className="muted">{t('screens.shift.counts', { sales: x.salesCount, refunds: x.refundsCount })}</span>
          </div>
          <div className="shift-actions">
            <button type="button" data-testid="cash-in" onClick={() => gate.withRight('openDrawer', () => setDialog('in'))}>
              {t('screens.shift.cashIn')}
            </button>
            <button type="button" data-testid="cash-out" onClick={() => gate.withRight('openDrawer', () => setDialog('out'))}>
              {t('screens.shift.cashOut')}
            </button>
            <button type="button" data-testid="x-report" onClick={() => setDialog('x')}>
              {t('screens.shift.xReport')}
            </button>
            <button type="button" className="primary" data-testid="close-shift" onClick={() => gate.withRight('closeShift', () => setDialog('close'))}>
              {t('screens.shift.close')}
            </button>
          </div>
        </>
      )}
      {gate.prompt}
      {(dialog === 'in' || dialog === 'out') && (
        <CashMoveDialog
          kind={dialog}
          onClose={() => setDialog(null)}
          onDone={(amount) => {
            setDialog(null);
            setNotice(t(dialog === 'in' ? 'screens.shift.cashInDone' : 'screens.shift.cashOutDone', { amount: money(amount) }));
          }}
        />
      )}
      {dialog === 'x' && x && (
        <Dialog title={t('screens.shift.xReport')} onClose={() => setDialog(null)} testId="x-report-dialog">
          <ShiftReportView report={x} kind="x" />
          <button type="button" onClick={() => printWithPaper(width)}>
            {t('screens.shift.print')}
          </button>
        </Dialog>
      )}
      {dialog === 'close' && x && (
        <CloseShiftDialog
          expected={x.expectedCash}
          onClose={() => setDialog(null)}
          onClosed={(z) => {
            setDialog(null);
            setNotice(null);
            setZReport(z);
          }}
        />
      )}
      <ShiftHistory />
    </section>
  );
}

function OpenShiftForm() {
  const { t } = useTranslation();
  const { db, clock } = useApp();
  const { operator } = useSession();
  const parse = useParseAmount();
  const [text, setText] = useState('');
  const [error, setError] = useState<AmountErrorReason | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const amount = parse(text === '' ? '0' : text);
    if (!amount.ok) return setError(amount.reason);
    setBusy(true);
    const r = await openShiftNow(db, { operatorId: operator.id, float: amount.value, now: isoNow(clock) });
    setBusy(false);
    setError(r.ok ? null : r.reason);
  }

  return (
    <form className="card stack" data-testid="open-shift-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <p>{t('screens.shift.noShift')}</p>
      <AmountField label={t('screens.shift.floatLabel')} value={text} onChange={setText} testId="float-input" />
      <AmountError reason={error} />
      <button type="submit" className="primary big" disabled={busy} data-testid="open-shift">
        {busy ? t('screens.common.working') : t('screens.shift.open')}
      </button>
    </form>
  );
}
