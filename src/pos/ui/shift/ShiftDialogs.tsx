// The Cash in / Cash out dialog (amount + reason) and the Close shift dialog (counted cash).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../../ui/AppContext';
import { isoNow } from '@model';
import type { ShiftReport } from '@model';
import { closeShiftNow, recordCashMove } from '../../services/shifts';
import { Dialog } from '../../../ui/Dialog';
import { useMoney } from '../hooks/useMoney';
import { AmountError, AmountField, useParseAmount } from './AmountField';
import type { AmountErrorReason } from '../../i18n';

export function CashMoveDialog({ kind, onClose, onDone }: { kind: 'in' | 'out'; onClose(): void; onDone(amount: number): void }) {
  const { t } = useTranslation();
  const { db, clock } = useApp();
  const { operator } = useSession();
  const parse = useParseAmount();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AmountErrorReason | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const amount = parse(text);
    if (!amount.ok) return setError(amount.reason);
    setBusy(true);
    const r = await recordCashMove(db, { kind, amount: amount.value, reason, operatorId: operator.id, now: isoNow(clock) });
    setBusy(false);
    if (r.ok) onDone(amount.value);
    else setError(r.reason);
  }

  return (
    <Dialog title={t(kind === 'in' ? 'screens.shift.cashIn' : 'screens.shift.cashOut')} onClose={onClose} testId="cash-move-dialog">
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <AmountField label={t('screens.shift.amount')} value={text} onChange={setText} testId="cash-amount" />
        <label className="stack">
          <span>{t('screens.shift.reason')}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="cash-reason" style={{ minHeight: 44 }} />
        </label>
        <AmountError reason={error} />
        <button type="submit" className="primary" disabled={busy} data-testid="cash-move-confirm">
          {t('screens.common.confirm')}
        </button>
      </form>
    </Dialog>
  );
}

export function CloseShiftDialog({ expected, onClose, onClosed }: { expected: number; onClose(): void; onClosed(z: ShiftReport): void }) {
  const { t } = useTranslation();
  const { db, clock } = useApp();
  const { operator } = useSession();
  const money = useMoney();
  const parse = useParseAmount();
  const [text, setText] = useState('');
  const [error, setError] = useState<AmountErrorReason | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const counted = parse(text);
    if (!counted.ok) return setError(counted.reason);
    setBusy(true);
    const r = await closeShiftNow(db, { countedCash: counted.value, operatorId: operator.id, now: isoNow(clock) });
    setBusy(false);
    if (r.ok) onClosed(r.value);
    else setError(r.reason);
  }

  return (
    <Dialog title={t('screens.shift.close')} onClose={onClose} testId="close-shift-dialog">
      <form className="stack" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p>{t('screens.shift.countPrompt')}</p>
        <p className="muted">
          {t('screens.shift.expectedCash')}: {money(expected)}
        </p>
        <AmountField label={t('screens.shift.countedCash')} value={text} onChange={setText} testId="counted-cash" />
        <AmountError reason={error} />
        <button type="submit" className="primary" disabled={busy} data-testid="close-shift-confirm">
          {busy ? t('screens.common.working') : t('screens.shift.closeConfirm')}
        </button>
      </form>
    </Dialog>
  );
}
