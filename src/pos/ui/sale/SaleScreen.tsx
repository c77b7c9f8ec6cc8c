// The sale screen: groups, article grid and search on the left; the cart on the right; Park,
// Discount, Pay below. A keyboard-wedge scanner works with no field focused.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../ui/AppContext';
import { navigate } from '../../../ui/routing';
import type { ArticleRow } from '../../../db/schema';
import { parseReceiptBarcode } from '../../domain';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { useOpenShift } from '../hooks/useOpenShift';
import { useSaleContext } from '../hooks/useSaleContext';
import { useCurrentSale } from './currentSale';
import { useSaleActions } from './useSaleActions';
import { CatalogPanel } from './CatalogPanel';
import { CartPanel } from './CartPanel';
import { QuantityDialog } from './QuantityDialog';
import { usePendingClient } from './usePendingClient';

export function SaleScreen() {
  const { t } = useTranslation();
  const { db } = useApp();
  const shift = useOpenShift();
  const context = useSaleContext();
  const { cart } = useCurrentSale();
  const actions = useSaleActions();
  const [toast, setToast] = useState<{ text: string; error: boolean } | null>(null);
  const [weigh, setWeigh] = useState<ArticleRow | null>(null);
  usePendingClient();

  useEffect(() => {
    if (!toast) return;
    const id = setTimeout(() => setToast(null), 2500);
    return () => clearTimeout(id);
  }, [toast]);

  async function onScan(code: string) {
    const receipt = parseReceiptBarcode(code);
    if (receipt.ok) {
      const found = await db.receipts.where('number').equals(receipt.value).first();
      if (found) navigate({ name: 'receipt', arg: found.id });
      else setToast({ text: t('sale.unknownReceipt', { number: receipt.value }), error: true });
      return;
    }
    const r = await actions.scan(code);
    if (r.ok) setToast({ text: t('sale.added', { name: r.article.name }), error: false });
    else if (r.reason === 'needs-quantity') {
      if (r.article) setWeigh(r.article);
    } else setToast({ text: t(`sale.error.${r.reason}`, { code, defaultValue: t('sale.error.generic') }), error: true });
  }
  useBarcodeScanner((code) => void onScan(code), !weigh);

  async function pick(article: ArticleRow) {
    if (article.unit !== 'pcs') return setWeigh(article);
    const r = await actions.add(article);
    if (!r.ok) setToast({ text: t(`sale.error.${r.reason}`, { defaultValue: t('sale.error.generic') }), error: true });
  }

  return (
    <>
    {shift === null && (
      <div className="card row" role="alert">
        <span>{t('sale.noShift')}</span>
        <a href="#/shift">{t('sale.openShift')}</a>
      </div>
    )}
    <div className="sale" data-testid="sale-screen">
      <CatalogPanel onPick={(a) => void pick(a)} onSubmitCode={(code) => void onScan(code)} />
      {cart && context ? <CartPanel cart={cart} context={context} canPay={!!shift} /> : <p role="status">{t('common.loading')}</p>}
      {weigh && (
        <QuantityDialog
          article={weigh}
          onClose={() => setWeigh(null)}
          onConfirm={async (qty) => {
            const r = await actions.add(weigh, qty);
            setWeigh(null);
            if (!r.ok) setToast({ text: t(`sale.error.${r.reason}`, { defaultValue: t('sale.error.generic') }), error: true });
          }}
        />
      )}
      {toast && (
        <div className={toast.error ? 'toast error' : 'toast'} role={toast.error ? 'alert' : 'status'}>
          {toast.text}
        </div>
      )}
    </div>
    </>
  );
}
