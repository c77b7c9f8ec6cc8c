// One received receipt: its lines, payments and totals.
import { useTranslation } from 'react-i18next';
import type { ReceivedReceipt } from '../apiSchemas';
import { formatMinor } from '@model';
import { formatMoney, formatPercent, formatQuantity } from '../numbers';
import { useShopMoney } from '../hooks/useBaseCurrency';
import { useRecordNames } from '../hooks/useRecordNames';
import { Modal } from './Modal';

const OPERATORS = ['operator'] as const;

export function ReceiptDetail({ receipt, onClose }: { receipt: ReceivedReceipt; onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const shop = useShopMoney();
  const money = (v: number) => formatMoney(v, shop.decimals, i18n.language);
  // A foreign-cash tender's amount is in that currency's own minor units.
  const foreign = (v: number, currency: string) => formatMinor(v, shop.decimalsOf(currency), i18n.language, currency);
  const nameOf = useRecordNames(OPERATORS);
  return (
    <Modal title={t('receipts.detail', { number: receipt.number })} onClose={onClose}>
      <p>
        {new Date(receipt.createdAt).toLocaleString(i18n.language)} · {t(`receipts.kind_${receipt.kind}`)} · {t('common.labelValue', { label: t('receipts.operator'), value: nameOf('operator', receipt.operatorId) })}
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t('receipts.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('receipts.article')}</th>
              <th scope="col" className="num">{t('receipts.qty')}</th>
              <th scope="col" className="num">{t('receipts.unitPrice')}</th>
              <th scope="col" className="num">{t('receipts.discount')}</th>
              <th scope="col" className="num">{t('receipts.vat')}</th>
              <th scope="col" className="num">{t('receipts.total')}</th>
            </tr>
          </thead>
          <tbody>
            {receipt.lines.map((line, i) => (
              <tr key={i}>
                <td>
                  {line.name} <small>{line.sku}</small>
                </td>
                <td className="num">{formatQuantity(line.qtyMilli, i18n.language)}</td>
                <td className="num">{money(line.unitPrice)}</td>
                <td className="num">{line.discount ? money(line.discount) : ''}</td>
                <td className="num">
                  {money(line.vat)} <small>({formatPercent(line.vatRate, i18n.language)})</small>
                </td>
                <td className="num">{money(line.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="totals">
        <div>
          <dt>{t('receipts.subtotal')}</dt>
          <dd>{money(receipt.subtotal)}</dd>
        </div>
        {receipt.basketDiscount !== 0 && (
          <div>
            <dt>{t('receipts.basketDiscount')}</dt>
            <dd>{money(receipt.basketDiscount)}</dd>
          </div>
        )}
        <div>
          <dt>{t('receipts.vat')}</dt>
          <dd>{money(receipt.vatTotal)}</dd>
        </div>
        <div>
          <dt>{t('receipts.total')}</dt>
          <dd>
            <strong>{money(receipt.total)}</strong>
          </dd>
        </div>
      </dl>
      <h3>{t('receipts.tenders')}</h3>
      <ul>
        {receipt.tenders.map((tender, i) => (
          <li key={i}>
            {t('common.labelValue', { label: t(`receipts.method_${tender.method}`), value: money(tender.amount) })}
            {tender.foreignAmount !== null && tender.currency ? ` (${foreign(tender.foreignAmount, tender.currency)})` : ''}
          </li>
        ))}
        {receipt.change !== 0 && (
          <li>
            {t('common.labelValue', { label: t('receipts.change'), value: money(receipt.change) })}
          </li>
        )}
      </ul>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
