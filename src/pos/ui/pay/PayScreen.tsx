// Payment: amount due, tenders (cash, card, other, foreign cash) split across several, change due,
// Confirm → one transaction writes the receipt and its outbox row → the receipt screen.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useSession } from '../../../ui/AppContext';
import { navigate } from '../../../ui/routing';
import { newId } from '../../../db/ids';
import { PAYMENT_METHODS, PAYMENT_METHOD_SPECS, type PaymentMethod, type Tender } from '@model';
import { addTender, computeTotals, createReceipt, emptyCart, parseMinor, settle, type PaymentContext, type TenderInput } from '../../domain';
import { useCurrentSale, writeCurrentCart } from '../sale/currentSale';
import { useSaleContext } from '../hooks/useSaleContext';
import { useOpenShift } from '../hooks/useOpenShift';
import { useMoney } from '../hooks/useMoney';
import { commitReceipt, getTillIdentity } from '../../services/sales';
import { useReceiptCommit } from '../hooks/useReceiptCommit';
import { notifyOutbox } from '../../../sync/ui';

type Method = PaymentMethod;

export function PayScreen() {
  const { t } = useTranslation();
  const { db, clock, org } = useApp();
  const { operator } = useSession();
  const { cart } = useCurrentSale();
  const context = useSaleContext();
  const shift = useOpenShift();
  const money = useMoney();
  const [tenders, setTenders] = useState<Tender[]>([]);
  const [method, setMethod] = useState<Method>('cash');
  const [amountText, setAmountText] = useState('');
  const [currencyCode, setCurrencyCode] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const commit = useReceiptCommit();

  const totals = useMemo(
    () => (cart && context ? computeTotals(cart, { taxMode: context.parameters.taxMode, now: clock.now().getTime(), discounts: context.discounts, groups: context.groups }) : null),
    [cart, context, clock],
  );
  if (!cart || !context || !totals || shift === undefined) return <p role="status">{t('common.loading')}</p>;
  if (cart.lines.length === 0) {
    return (
      <div className="card stack">
        <p>{t('pay.nothingToPay')}</p>
        <a href="#/sale">{t('pay.backToSale')}</a>
      </div>
    );
  }
  const ctx: PaymentContext = { baseCurrency: context.parameters.baseCurrency, baseDecimals: context.baseDecimals, cashRounding: context.parameters.cashRounding };
  const settlement = settle(totals.total, tenders, ctx);
  const state = settlement.ok ? settlement.value : null;
  const foreign = context.currencies.filter((c) => c.acceptedAsCash && c.code !== ctx.baseCurrency);
  const currency = foreign.find((c) => c.code === currencyCode) ?? foreign[0];

  function add(input: TenderInput) {
    const r = addTender(totals!.total, tenders, input, ctx);
    if (!r.ok) return setError(t(`pay.error.${r.reason}`));
    setTenders([...r.value.tenders]);
    setAmountText('');
    setError(null);
  }

  function addFromInput(m: Method) {
    const remaining = state?.remaining ?? totals!.total;
    if (m === 'foreignCash') {
      if (!currency) return;
      const parsed = parseMinor(amountText, currency.decimals);
      if (!parsed.ok) return setError(t('pay.error.invalid-amount'));
      return add({ method: 'foreignCash', foreignAmount: parsed.value, currency });
    }
    let amount: number = remaining;
    if (amountText.trim()) {
      const parsed = parseMinor(amountText, ctx.baseDecimals);
      if (!parsed.ok) return setError(t('pay.error.invalid-amount'));
      amount = parsed.value;
    }
    if (amount <= 0) return;
    add(m === 'cash' ? { method: 'cash', amount } : { method: m, amount, label: null });
  }

  async function confirm() {
    if (!state?.complete || !shift || commit.busy) return;
    const result = await commit.run(async () => {
      const till = await getTillIdentity(db);
      const now = clock.now();
      const id = newId();
      return commitReceipt(
        db,
        (seq) => {
          const r = createReceipt({ id, tillId: till.tillId, tillCode: till.tillCode, seq, now: now.getTime(), operatorId: operator.id, shiftId: shift.id, currency: ctx.baseCurrency, totals: totals!, settlement: state });
          if (!r.ok) throw new Error(`createReceipt: ${r.reason}`);
          return r.value;
        },
        now.toISOString(),
        // The open sale is cleared in the receipt's transaction: never paid twice after a reload.
        () => writeCurrentCart(db, emptyCart()),
      );
    });
    if (!result.ok) return setError(t(`pay.error.${result.reason}`));
    notifyOutbox(org.id);
    navigate({ name: 'receipt', arg: result.receipt.id });
  }

  return (
    <div className="pay" data-testid="pay-screen">
      <section className="card stack" aria-label={t('pay.summary')}>
        <div>{t('pay.due')}</div>
        <div className="due" data-testid="amount-due">{money(totals.total)}</div>
        <ul className="stack" style={{ listStyle: 'none', padding: 0 }} aria-label={t('pay.tenders')}>
          {tenders.map((tn, i) => (
            <li key={i} className="row" style={{ justifyContent: 'space-between' }} data-testid="tender-line">
              <span>
                {t(`pay.methods.${tn.method}`)}
                {tn.method === 'foreignCash' && tn.foreignAmount !== null ? ` ${money(tn.foreignAmount, tn.currency)} @ ${tn.rate}` : ''}
              </span>
              <span className="row">
                {money(tn.amount)}
                <button type="button" aria-label={t('pay.removeTender')} onClick={() => setTenders(tenders.filter((_, j) => j !== i))}>✕</button>
              </span>
            </li>
          ))}
        </ul>
        <div data-testid="remaining">{t('pay.remaining', { amount: money(state?.remaining ?? totals.total) })}</div>
        <div className="due" data-testid="change-due">{t('pay.change', { amount: money(state?.change ?? 0) })}</div>
        {error && <p role="alert" className="error">{error}</p>}
        <div className="row">
          <a href="#/sale">{t('pay.backToSale')}</a>
          <button type="button" className="primary big" disabled={!state?.complete || commit.busy} onClick={() => void confirm()} data-testid="confirm-payment">
            {t('pay.confirm')}
          </button>
        </div>
      </section>
      <section className="card stack" aria-label={t('pay.addTender')}>
        <div className="tenders" role="radiogroup" aria-label={t('pay.method')}>
          {PAYMENT_METHODS.filter((m) => foreign.length > 0 || !PAYMENT_METHOD_SPECS[m].foreign).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={method === m} className={method === m ? 'primary' : ''} onClick={() => setMethod(m)}>
              {t(`pay.methods.${m}`)}
            </button>
          ))}
        </div>
        {method === 'foreignCash' && currency && (
          <label>
            {t('pay.currency')}
            <select value={currency.code} onChange={(e) => setCurrencyCode(e.target.value)}>
              {foreign.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} — {c.name} ({t('pay.rate', { rate: c.rate })})
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {method === 'foreignCash' && currency ? t('pay.amountIn', { currency: currency.code }) : t('pay.amount')}
          <input inputMode="decimal" value={amountText} placeholder={method === 'foreignCash' ? '' : t('pay.amountPlaceholder')} onChange={(e) => setAmountText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addFromInput(method)} data-testid="tender-amount" />
        </label>
        <button type="button" className="primary big" onClick={() => addFromInput(method)} data-testid="add-tender">
          {t('pay.add')}
        </button>
      </section>
    </div>
  );
}
