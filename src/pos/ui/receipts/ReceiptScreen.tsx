// One receipt on screen as it prints (58 or 80 mm paper, print CSS), with Print, New sale and Refund.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../../ui/AppContext';
import { navigate } from '../../../ui/routing';
import { ReceiptPaper } from './ReceiptPaper';
import { usePrinterSettings } from '../hooks/usePrinterSettings';
import { printWithPaper } from './print';

export function ReceiptScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const { db } = useApp();
  const receipt = useLiveQuery(async () => (await db.receipts.get(id)) ?? null, [db, id]);
  const [width] = usePrinterSettings();

  if (receipt === undefined) return <p role="status">{t('common.loading')}</p>;
  if (receipt === null)
    return (
      <div className="card" role="alert">
        {t('receipt.notFound')} <a href="#/receipts">{t('menu.receipts')}</a>
      </div>
    );
  return (
    <div className="stack" data-testid="receipt-screen">
      <div className="row">
        <button type="button" className="primary big" onClick={() => navigate({ name: 'sale' })} data-testid="new-sale">
          {t('receipt.newSale')}
        </button>
        <button type="button" onClick={() => printWithPaper(width)}>
          {t('receipt.print', { mm: width })}
        </button>
        {receipt.kind === 'sale' && (
          <button type="button" onClick={() => navigate({ name: 'refund', arg: receipt.id })} data-testid="refund-button">
            {t('receipt.refund')}
          </button>
        )}
      </div>
      <ReceiptPaper receipt={receipt} width={width} />
    </div>
  );
}
