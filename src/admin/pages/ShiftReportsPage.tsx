// Shift (Z) reports received from the tills.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../components/Pager';
import { QueryState } from '../components/QueryState';
import { useShiftReports } from '../hooks/useReports';
import { useTills } from '../hooks/useTills';
import { formatMoney } from '../numbers';
import { useShopMoney } from '../hooks/useBaseCurrency';

const PAGE_SIZE = 25;

export function ShiftReportsPage() {
  const { t, i18n } = useTranslation('admin');
  const [offset, setOffset] = useState(0);
  const reports = useShiftReports({ limit: PAGE_SIZE, offset });
  const tills = useTills();
  const tillName = (id: string) => tills.data?.find((x) => x.id === id)?.deviceName ?? id;
  const { decimals } = useShopMoney();
  const money = (v: number | null) => (v === null ? t('common.none') : formatMoney(v, decimals, i18n.language));
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('shifts.open'));
  const page = reports.data;
  return (
    <>
      <h1>{t('shifts.title')}</h1>
      <section className="panel" aria-label={t('shifts.title')}>
        <QueryState query={reports} isEmpty={(page?.items.length ?? 0) === 0} empty={t('shifts.empty')}>
          {page && (
            <>
              <div className="table-wrap">
                <table aria-label={t('shifts.title')} aria-busy={reports.isFetching}>
                  <thead>
                    <tr>
                      <th scope="col">{t('shifts.till')}</th>
                      <th scope="col" className="num">{t('shifts.number')}</th>
                      <th scope="col">{t('shifts.openedAt')}</th>
                      <th scope="col">{t('shifts.closedAt')}</th>
                      <th scope="col" className="num">{t('shifts.sales')}</th>
                      <th scope="col" className="num">{t('shifts.refunds')}</th>
                      <th scope="col" className="num">{t('shifts.expectedCash')}</th>
                      <th scope="col" className="num">{t('shifts.countedCash')}</th>
                      <th scope="col" className="num">{t('shifts.difference')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((s) => (
                      <tr key={s.id}>
                        <td>{tillName(s.tillId)}</td>
                        <td className="num">{s.number}</td>
                        <td>{when(s.openedAt)}</td>
                        <td>{when(s.closedAt)}</td>
                        <td className="num">
                          {money(s.salesTotal)} <small>({s.salesCount})</small>
                        </td>
                        <td className="num">
                          {money(s.refundsTotal)} <small>({s.refundsCount})</small>
                        </td>
                        <td className="num">{money(s.expectedCash)}</td>
                        <td className="num">{money(s.countedCash)}</td>
                        <td className={s.difference ? 'num warn' : 'num'}>{money(s.difference)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager label={t('shifts.title')} total={page.total} limit={PAGE_SIZE} offset={offset} onChange={setOffset} />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
