// Received receipts, filtered by till, with the selection's totals; open one to see its lines.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReceivedReceipt } from '../apiSchemas';
import { Pager } from '../components/Pager';
import { QueryState } from '../components/QueryState';
import { ReceiptDetail } from '../components/ReceiptDetail';
import { useReceipts } from '../hooks/useReports';
import { useTills } from '../hooks/useTills';
import { formatMoney } from '../numbers';
import { useShopMoney } from '../hooks/useBaseCurrency';

const PAGE_SIZE = 25;

export function ReceiptsPage() {
  const { t, i18n } = useTranslation('admin');
  const [tillId, setTillId] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<ReceivedReceipt | null>(null);
  const receipts = useReceipts({ limit: PAGE_SIZE, offset, tillId: tillId || undefined });
  const tills = useTills();
  const tillName = (id: string) => tills.data?.find((x) => x.id === id)?.deviceName ?? id;
  const { decimals } = useShopMoney();
  const money = (v: number) => formatMoney(v, decimals, i18n.language);
  const page = receipts.data;
  return (
    <>
      <h1>{t('receipts.title')}</h1>
      <section className="panel" aria-labelledby="receipts-list">
        <h2 id="receipts-list" className="visually-hidden">
          {t('receipts.title')}
        </h2>
        <div className="search">
          <label htmlFor="receipts-till">{t('receipts.till')}</label>
          <select
            id="receipts-till"
            value={tillId}
            onChange={(e) => {
              setTillId(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">{t('receipts.allTills')}</option>
            {(tills.data ?? []).map((till) => (
              <option key={till.id} value={till.id}>
                {till.deviceName}
              </option>
            ))}
          </select>
        </div>
        <QueryState query={receipts} isEmpty={(page?.items.length ?? 0) === 0} empty={t('receipts.empty')}>
          {page && (
            <>
              <dl className="totals" aria-label={t('receipts.totals')}>
                <div>
                  <dt>{t('receipts.count')}</dt>
                  <dd>{page.totals.count}</dd>
                </div>
                <div>
                  <dt>{t('receipts.total')}</dt>
                  <dd>{money(page.totals.total)}</dd>
                </div>
                <div>
                  <dt>{t('receipts.vat')}</dt>
                  <dd>{money(page.totals.vat)}</dd>
                </div>
              </dl>
              <div className="table-wrap">
                <table aria-labelledby="receipts-list" aria-busy={receipts.isFetching}>
                  <thead>
                    <tr>
                      <th scope="col">{t('receipts.number')}</th>
                      <th scope="col">{t('receipts.createdAt')}</th>
                      <th scope="col">{t('receipts.till')}</th>
                      <th scope="col">{t('receipts.kind')}</th>
                      <th scope="col" className="num">{t('receipts.total')}</th>
                      <th scope="col" className="num">{t('receipts.vat')}</th>
                      <th scope="col">{t('receipts.receivedAt')}</th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((r) => (
                      <tr key={r.id}>
                        <td>{r.number}</td>
                        <td>{new Date(r.createdAt).toLocaleString(i18n.language)}</td>
                        <td>{tillName(r.tillId)}</td>
                        <td>{t(`receipts.kind_${r.kind}`)}</td>
                        <td className="num">{money(r.total)}</td>
                        <td className="num">{money(r.vatTotal)}</td>
                        <td>{new Date(r.receivedAt).toLocaleString(i18n.language)}</td>
                        <td>
                          <button type="button" aria-label={`${t('receipts.open')} ${r.number}`} onClick={() => setOpen(r)}>
                            {t('receipts.open')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager label={t('receipts.title')} total={page.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
            </>
          )}
        </QueryState>
      </section>
      {open && <ReceiptDetail receipt={open} onClose={() => setOpen(null)} />}
    </>
  );
}
