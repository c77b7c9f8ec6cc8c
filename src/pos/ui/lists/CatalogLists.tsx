// Articles (100,000 stay smooth: index queries, one page at a time) and Prices (price lists,
// their prices with validity, automatic discounts).
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatShortDateTime, formatPercent } from '../../../ui/format';
import type { Discount } from '@model';
import { useArticlePage } from '../hooks/useArticlePage';
import { useMoney } from '../hooks/useMoney';
import { usePriceLists } from '../hooks/usePriceLists';
import { usePricePage } from '../hooks/usePricePage';
import { ListStates, Pager, SearchBox } from '../../../ui/ListStates';

const PAGE = 100;

export function ArticlesList() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [query]);
  const result = useArticlePage(query, offset, PAGE);
  return (
    <>
      <SearchBox value={query} onChange={setQuery} label={t('screens.lists.articles.search')} testId="list-search" />
      <ListStates result={result} isEmpty={(p) => p.items.length === 0} empty={query ? t('screens.lists.noMatch') : t('screens.lists.articles.empty')}>
        {(page) => (
          <>
            <table className="list-table" data-testid="articles-table">
              <thead>
                <tr>
                  <th>{t('screens.lists.articles.name')}</th>
                  <th>{t('screens.lists.articles.sku')}</th>
                  <th className="wide-only">{t('screens.lists.articles.barcodes')}</th>
                  <th className="num">{t('screens.lists.articles.vat')}</th>
                  <th className="num">{t('screens.lists.articles.price')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) => (
                  <tr key={a.id} className={a.active ? '' : 'muted'}>
                    <td>
                      {a.name} {a.origin === 'local' && <span className="badge-local">{t('screens.common.local')}</span>}
                    </td>
                    <td>{a.sku}</td>
                    <td className="wide-only">{a.barcodes.join(', ')}</td>
                    <td className="num">{formatPercent(a.vatRate, i18n.language)}</td>
                    <td className="num">{money(a.price)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={offset} limit={PAGE} hasMore={page.hasMore} onChange={setOffset} />
          </>
        )}
      </ListStates>
    </>
  );
}

function validity(from: string | null, to: string | null, lang: string, t: TFunction): string {
  if (!from && !to) return t('screens.lists.prices.always');
  if (from && to) return t('screens.lists.prices.between', { from: formatShortDateTime(from, lang), to: formatShortDateTime(to, lang) });
  if (from) return t('screens.lists.prices.from', { from: formatShortDateTime(from, lang) });
  return t('screens.lists.prices.until', { to: formatShortDateTime(to as string, lang) });
}

export function PricesList() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const lists = usePriceLists();
  const [listId, setListId] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const chosen = listId ?? lists.data?.lists[0]?.id ?? null;
  const prices = usePricePage(chosen, offset, PAGE);
  return (
    <ListStates result={lists} isEmpty={(d) => d.lists.length === 0 && d.discounts.length === 0} empty={t('screens.lists.prices.empty')}>
      {(d) => (
        <>
          <div className="list-tabs" role="radiogroup" aria-label={t('screens.lists.prices.lists')}>
            {d.lists.map((l) => (
              <button key={l.id} type="button" role="radio" aria-checked={l.id === chosen} className={l.id === chosen ? 'primary' : ''} onClick={() => { setListId(l.id); setOffset(0); }}>
                {l.name} <span className="muted">({t('screens.lists.prices.priority', { priority: l.priority })})</span>
              </button>
            ))}
          </div>
          <ListStates result={prices} isEmpty={(p) => p.items.length === 0} empty={t('screens.lists.prices.noPrices')}>
            {(page) => (
              <>
                <table className="list-table" data-testid="prices-table">
                  <thead>
                    <tr>
                      <th>{t('screens.lists.articles.name')}</th>
                      <th className="wide-only">{t('screens.lists.articles.sku')}</th>
                      <th>{t('screens.lists.prices.validity')}</th>
                      <th className="num">{t('screens.lists.articles.price')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((p) => (
                      <tr key={p.id}>
                        <td>{p.articleName}</td>
                        <td className="wide-only">{p.articleSku}</td>
                        <td>{validity(p.validFrom, p.validTo, i18n.language, t)}</td>
                        <td className="num">{money(p.amount)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Pager offset={offset} limit={PAGE} hasMore={page.hasMore} onChange={setOffset} />
              </>
            )}
          </ListStates>
          <h2>{t('screens.lists.prices.discounts')}</h2>
          {d.discounts.length === 0 ? (
            <p className="muted">{t('screens.lists.prices.noDiscounts')}</p>
          ) : (
            <table className="list-table" data-testid="discounts-table">
              <thead>
                <tr>
                  <th>{t('screens.lists.articles.name')}</th>
                  <th>{t('screens.lists.prices.scope')}</th>
                  <th className="num">{t('screens.lists.prices.value')}</th>
                  <th>{t('screens.lists.prices.validity')}</th>
                </tr>
              </thead>
              <tbody>
                {d.discounts.map((x: Discount) => (
                  <tr key={x.id} className={x.active ? '' : 'muted'}>
                    <td>{x.name}</td>
                    <td>{t(`screens.lists.prices.scopes.${x.scope}`)}</td>
                    <td className="num">{x.kind === 'percent' ? formatPercent(x.value, i18n.language) : money(x.value)}</td>
                    <td>{validity(x.validFrom, x.validTo, i18n.language, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </ListStates>
  );
}
