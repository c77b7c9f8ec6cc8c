// Right side of the sale: lines with quantity, discount and total; customer; totals; actions.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../ui/AppContext';
import { navigate } from '../../../ui/routing';
import { computeTotals, removeLine, setBasketDiscount, setLineDiscount, setQuantity, type Cart, type ManualDiscount } from '../../domain';
import { formatQuantity } from '../../../ui/format';
import { useMoney } from '../hooks/useMoney';
import { useRightGate } from '../hooks/useRightGate';
import type { SaleContext } from '../hooks/useSaleContext';
import { useSaleActions } from './useSaleActions';
import { DiscountDialog } from './DiscountDialog';
import { QuantityDialog } from './QuantityDialog';
import { ParkedDialog } from './ParkedDialog';
import { useClient } from '../hooks/useClient';
import { attachClientToSale } from './usePendingClient';

export function CartPanel({ cart, context, canPay }: { cart: Cart; context: SaleContext; canPay: boolean }) {
  const { t, i18n } = useTranslation();
  const { db, clock } = useApp();
  const money = useMoney();
  const actions = useSaleActions();
  const gate = useRightGate();
  const client = useClient(cart.clientId);
  const [selected, setSelected] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'line-discount' | 'basket-discount' | 'quantity' | 'parked' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const totals = useMemo(
    () => computeTotals(cart, { taxMode: context.parameters.taxMode, now: clock.now().getTime(), discounts: context.discounts, groups: context.groups }),
    [cart, context, clock],
  );
  const line = cart.lines.find((l) => l.lineId === selected) ?? null;

  async function run(change: Parameters<typeof actions.apply>[0]) {
    const r = await actions.apply(change);
    setError(r.ok ? null : t(`sale.error.${r.reason}`, { defaultValue: t('sale.error.generic') }));
  }

  return (
    <section className="cart" aria-label={t('sale.cart')}>
      <ul className="cart-lines" data-testid="cart-lines">
        {totals.lines.length === 0 && <li className="muted cart-line">{t('sale.emptyCart')}</li>}
        {totals.lines.map((l) => (
          <li key={l.lineId} className={l.lineId === selected ? 'cart-line selected' : 'cart-line'} data-testid="cart-line">
            <button type="button" className="link" style={{ border: 0, background: 'none', textAlign: 'left', padding: 0 }} aria-pressed={l.lineId === selected} onClick={() => setSelected(l.lineId === selected ? null : l.lineId)}>
              <div>{l.name}</div>
              <div className="meta">
                {formatQuantity(l.qtyMilli, l.unit, i18n.language)} × {money(l.unitPrice)}
                {l.discount > 0 && ` · ${t('sale.discountShort', { amount: money(l.discount) })}`}
              </div>
            </button>
            <strong className="num">{money(l.total)}</strong>
          </li>
        ))}
      </ul>
      {line && (
        <div className="row" style={{ padding: 8 }} aria-label={t('sale.lineActions')}>
          <button type="button" aria-label={t('sale.less')} onClick={() => void run((c) => (line.qtyMilli > 1000 ? setQuantity(c, line.lineId, line.qtyMilli - 1000) : removeLine(c, line.lineId)))} disabled={line.unit !== 'pcs'}>
            −
          </button>
          <button type="button" aria-label={t('sale.more')} onClick={() => void run((c) => setQuantity(c, line.lineId, line.qtyMilli + 1000))} disabled={line.unit !== 'pcs'}>
            +
          </button>
          <button type="button" onClick={() => setDialog('quantity')}>{t('sale.setQuantity')}</button>
          <button type="button" onClick={() => gate.withRight('discount', () => setDialog('line-discount'))}>{t('sale.lineDiscount')}</button>
          <button type="button" className="danger" onClick={() => gate.withRight('voidLine', () => void run((c) => removeLine(c, line.lineId)).then(() => setSelected(null)))}>
            {t('sale.removeLine')}
          </button>
        </div>
      )}
      <div className="cart-totals">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <span>{client ? t('sale.client', { name: client.name }) : t('sale.noClient')}</span>
          {client ? (
            <button type="button" onClick={() => void attachClientToSale(db, clock, null)}>{t('sale.detachClient')}</button>
          ) : (
            <a href="#/customers">{t('sale.attachClient')}</a>
          )}
        </div>
        {totals.basketDiscount > 0 && <div>{t('sale.basketDiscount', { amount: money(totals.basketDiscount) })}</div>}
        <div className="muted">{t('sale.vat', { amount: money(totals.vatTotal) })}</div>
        <div className="total" data-testid="cart-total">
          {t('common.total')}: {money(totals.total)}
        </div>
        {error && <p role="alert" className="error">{error}</p>}
      </div>
      <div className="cart-actions">
        <button type="button" onClick={() => (cart.lines.length ? void actions.park('') : setDialog('parked'))}>
          {cart.lines.length ? t('sale.park') : t('sale.parked')}
        </button>
        <button type="button" onClick={() => gate.withRight('discount', () => setDialog('basket-discount'))} disabled={!cart.lines.length}>
          {t('sale.discount')}
        </button>
        <button type="button" className="primary big" onClick={() => navigate({ name: 'pay' })} disabled={!cart.lines.length || !canPay} data-testid="pay-button">
          {t('sale.pay')}
        </button>
      </div>
      {dialog === 'quantity' && line && (
        <QuantityDialog article={line} initial={String(line.qtyMilli / 1000)} onClose={() => setDialog(null)} onConfirm={(q) => void run((c) => setQuantity(c, line.lineId, q)).then(() => setDialog(null))} />
      )}
      {(dialog === 'line-discount' || dialog === 'basket-discount') && (
        <DiscountDialog
          title={dialog === 'line-discount' ? t('sale.lineDiscount') : t('sale.discount')}
          decimals={context.baseDecimals}
          onClose={() => setDialog(null)}
          onConfirm={(d: ManualDiscount | null) =>
            void run((c) => (dialog === 'line-discount' && line ? setLineDiscount(c, line.lineId, d) : setBasketDiscount(c, d))).then(() => setDialog(null))
          }
        />
      )}
      {dialog === 'parked' && <ParkedDialog onClose={() => setDialog(null)} onResume={(id) => void actions.resume(id).then(() => setDialog(null))} />}
      {gate.prompt}
    </section>
  );
}
