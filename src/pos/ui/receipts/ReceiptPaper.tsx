// The receipt as printed: shop header and footer from the parameters, lines, VAT summary,
// tenders, change, and a Code 128 barcode of its number for refunds.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import JsBarcode from 'jsbarcode';
import type { ReceiptRow } from '../../../db/schema';
import { formatShortDateTime, formatPercent, formatQuantity } from '../../../ui/format';
import { receiptBarcode, vatSummary } from '../../domain';
import { useMoney } from '../hooks/useMoney';
import { useParameters } from '../hooks/useParameters';

export function ReceiptPaper({ receipt, width }: { receipt: ReceiptRow; width: '58' | '80' }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const parameters = useParameters();
  const svg = useRef<SVGSVGElement>(null);
  const code = receiptBarcode(receipt.number);
  useEffect(() => {
    if (svg.current) JsBarcode(svg.current, code, { format: 'CODE128', height: 36, width: 1.2, fontSize: 10, margin: 0 });
  }, [code]);
  const summary = vatSummary(receipt.lines.map((l) => ({ vatRate: l.vatRate, net: l.total - l.vat, vat: l.vat, total: l.total })));

  return (
    <article className={width === '58' ? 'receipt-paper w58' : 'receipt-paper'} aria-label={t('receipt.title', { number: receipt.number })} data-testid="receipt-paper">
      {parameters?.receiptHeader && <div className="center">{parameters.receiptHeader}</div>}
      <hr />
      <div>
        {receipt.kind === 'refund' ? t('receipt.refundTitle') : t('receipt.saleTitle')} <strong data-testid="receipt-number">{receipt.number}</strong>
      </div>
      <div>{formatShortDateTime(receipt.createdAt, i18n.language)}</div>
      <hr />
      <table>
        <tbody>
          {receipt.lines.map((l, i) => (
            <tr key={i}>
              <td>
                {l.name}
                <br />
                {formatQuantity(l.qtyMilli, l.qtyMilli % 1000 === 0 ? 'pcs' : 'kg', i18n.language)} × {money(l.unitPrice)}
                {l.discount !== 0 && ` (−${money(Math.abs(l.discount))})`}
              </td>
              <td className="num">{money(l.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <hr />
      {receipt.basketDiscount !== 0 && <div>{t('receipt.basketDiscount', { amount: money(receipt.basketDiscount) })}</div>}
      <div className="row" style={{ justifyContent: 'space-between', fontWeight: 700 }}>
        <span>{t('common.total')}</span>
        <span data-testid="receipt-total">{money(receipt.total)}</span>
      </div>
      <table>
        <tbody>
          {summary.map((s) => (
            <tr key={s.rate}>
              <td>{t('receipt.vatRow', { rate: formatPercent(s.rate, i18n.language) })}</td>
              <td className="num">{money(s.vat)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <hr />
      {receipt.tenders.map((tn, i) => (
        <div key={i} className="row" style={{ justifyContent: 'space-between' }}>
          <span>
            {t(`pay.methods.${tn.method}`)}
            {tn.foreignAmount !== null ? ` ${money(tn.foreignAmount, tn.currency)}` : ''}
          </span>
          <span>{money(tn.amount)}</span>
        </div>
      ))}
      {receipt.change > 0 && (
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <span>{t('receipt.change')}</span>
          <span data-testid="receipt-change">{money(receipt.change)}</span>
        </div>
      )}
      <hr />
      {parameters?.receiptFooter && <div className="center">{parameters.receiptFooter}</div>}
      <svg ref={svg} className="barcode" role="img" aria-label={code} />
    </article>
  );
}
