// The summary: organization, stores, record counts, tills and today's receipts.
import { useTranslation } from 'react-i18next';
import { RECORD_KINDS } from '../api';
import { QueryState } from '../components/QueryState';
import { useSummary } from '../hooks/useReports';
import { formatMoney } from '../numbers';
import { dynamicKey } from '../i18n';
import { useShopMoney } from '../hooks/useBaseCurrency';

/** Record counts in the order of the navigation (articles first); other keys keep theirs. */
function sortByKind(entries: [string, unknown][]): [string, unknown][] {
  const rank = (k: string) => {
    const i = (RECORD_KINDS as readonly string[]).indexOf(k);
    return i < 0 ? RECORD_KINDS.length : i;
  };
  return [...entries].sort((a, b) => rank(a[0]) - rank(b[0]));
}

const MONEY_KEYS = new Set(['total', 'vat', 'amount', 'sales', 'salesTotal']);

/** The summary's counts are loose objects; show each number under its own (translated) key. */
function Numbers({ value, labelKey, money = false }: { value: unknown; labelKey: (k: string) => string; money?: boolean }) {
  const { t, i18n } = useTranslation('admin');
  const { decimals } = useShopMoney();
  if (typeof value === 'number') return <p className="big-number">{value}</p>;
  if (!value || typeof value !== 'object') return null;
  const show = (k: string, v: unknown) =>
    typeof v === 'number' ? (money && MONEY_KEYS.has(k) ? formatMoney(v, decimals, i18n.language) : v) : typeof v === 'string' ? v : JSON.stringify(v);
  return (
    <dl className="counts">
      {sortByKind(Object.entries(value as Record<string, unknown>)).map(([k, v]) => (
        <div key={k}>
          <dt>{t(dynamicKey(labelKey(k)), { defaultValue: k })}</dt>
          <dd>{show(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DashboardPage() {
  const { t } = useTranslation('admin');
  const summary = useSummary();
  const s = summary.data;
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <QueryState query={summary} isEmpty={false} empty={null}>
        {s && (
          <div className="cards">
            <section className="card" aria-labelledby="dash-org">
              <h2 id="dash-org">{t('dashboard.organization')}</h2>
              <p className="big-text">{s.organization.name}</p>
              <h3>{t('dashboard.stores')}</h3>
              <ul>
                {s.stores.map((store, i) => (
                  <li key={i}>{store.name}</li>
                ))}
              </ul>
            </section>
            <section className="card" aria-labelledby="dash-tills">
              <h2 id="dash-tills">{t('dashboard.tills')}</h2>
              <Numbers value={s.tills} labelKey={(k) => `tills.${k}`} />
            </section>
            <section className="card" aria-labelledby="dash-receipts">
              <h2 id="dash-receipts">{t('dashboard.receiptsToday')}</h2>
              <Numbers value={s.receiptsToday} labelKey={(k) => `receipts.${k}`} money />
            </section>
            <section className="card" aria-labelledby="dash-counts">
              <h2 id="dash-counts">{t('dashboard.counts')}</h2>
              <Numbers value={s.counts} labelKey={(k) => `records.${k}.title`} />
            </section>
          </div>
        )}
      </QueryState>
    </>
  );
}
