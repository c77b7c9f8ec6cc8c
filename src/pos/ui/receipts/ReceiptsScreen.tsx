// Receipts: newest first, by shift, one page at a time; search by number or scan the receipt's
// barcode (a single match opens it). Opening a receipt leads to its Refund button.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, routeHref } from '../../../ui/routing';
import { formatShortDateTime } from '../../../ui/format';
import { useApp } from '../../../ui/AppContext';
import { findReceipts } from '../../services/lists';
import { useBarcodeScanner } from '../hooks/useBarcodeScanner';
import { useMoney } from '../hooks/useMoney';
import { useReceiptPage } from '../hooks/useReceiptPage';
import { useRecentShifts } from '../hooks/useRecentShifts';
import { ListStates, Pager, SearchBox } from '../../../ui/ListStates';
import '../../../ui/lists.css';

const PAGE = 50;

export function ReceiptsScreen() {
  const { t, i18n } = useTranslation();
  const { db } = useApp();
  const money = useMoney();
  const shifts = useRecentShifts();
  const [shiftId, setShiftId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [scanMiss, setScanMiss] = useState<string | null>(null);
  useEffect(() => setOffset(0), [query, shiftId]);
  const result = useReceiptPage(shiftId, query, offset, PAGE);

  async function openScanned(code: string) {
    const found = await findReceipts(db, code, 2);
    const only = found.length === 1 ? found[0] : undefined;
    if (only) return navigate({ name: 'receipt', arg: only.id });
    setQuery(code);
    setScanMiss(found.length === 0 ? code : null);
  }
  useBarcodeScanner((code) => void openScanned(code));

  return (
    <section className="list-screen" aria-labelledby="receipts-title" data-testid="receipts-screen">
      <div className="list-head">
        <h1 id="receipts-title">{t('screens.receipts.title')}</h1>
        <a className="button" href={routeHref({ name: 'refund', arg: null })} data-testid="refund-without-receipt">
          {t('screens.receipts.refundWithout')}
        </a>
      </div>
      <div className="list-head">
        <SearchBox
          value={query}
          onChange={(v) => {
            setScanMiss(null);
            setQuery(v);
          }}
          label={t('screens.receipts.search')}
          testId="receipt-search"
          onEnter={(v) => {
            if (v.trim()) void openScanned(v.trim());
          }}
        />
        <select
          aria-label={t('screens.receipts.shift')}
          value={shiftId ?? ''}
          onChange={(e) => setShiftId(e.target.value || null)}
          style={{ minHeight: 44 }}
          data-testid="receipt-shift"
        >
          <option value="">{t('screens.receipts.allShifts')}</option>
          {(shifts.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {t('screens.receipts.shiftOption', { number: s.number, at: formatShortDateTime(s.openedAt, i18n.language) })}
            </option>
          ))}
        </select>
      </div>
      {scanMiss && (
        <p className="error" role="alert" data-testid="scan-miss">
          {t('screens.receipts.notFound', { code: scanMiss })}
        </p>
      )}
      <ListStates result={result} isEmpty={(p) => p.items.length === 0} empty={query ? t('screens.receipts.noMatch') : t('screens.receipts.empty')}>
        {(page) => (
          <>
            <table className="list-table" data-testid="receipts-table">
              <thead>
                <tr>
                  <th>{t('screens.receipts.number')}</th>
                  <th>{t('screens.receipts.date')}</th>
                  <th>{t('screens.receipts.kind')}</th>
                  <th className="num">{t('screens.receipts.total')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((r) => (
                  <tr key={r.id} className="clickable" data-testid="receipt-row" onClick={() => navigate({ name: 'receipt', arg: r.id })}>
                    <td>
                      <a href={routeHref({ name: 'receipt', arg: r.id })} onClick={(e) => e.stopPropagation()}>
                        {r.number}
                      </a>
                    </td>
                    <td>{formatShortDateTime(r.createdAt, i18n.language)}</td>
                    <td>{t(`screens.receipts.kinds.${r.kind}`)}</td>
                    <td className="num">{money(r.total, r.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={offset} limit={PAGE} hasMore={page.hasMore} onChange={setOffset} />
          </>
        )}
      </ListStates>
    </section>
  );
}
