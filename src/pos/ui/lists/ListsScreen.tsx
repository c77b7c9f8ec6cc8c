// Lists menu: Articles, Prices, Currencies, Clients, Operators. Each is searchable or paged over
// indexes and has the Refresh button syncing its category.
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../../ui/routing';
import { RefreshButton } from '../../../sync/ui';
import type { Category } from '@model';
import { ArticlesList, PricesList } from './CatalogLists';
import { ClientsList, CurrenciesList, OperatorsList } from './OtherLists';
import '../../../ui/lists.css';

export const LISTS = ['articles', 'prices', 'currencies', 'clients', 'operators'] as const;
type ListName = (typeof LISTS)[number];
const CATEGORY: Record<ListName, Category> = {
  articles: 'articles',
  prices: 'prices',
  currencies: 'currencies',
  clients: 'clients',
  operators: 'rights',
};

function isList(name: string): name is ListName {
  return (LISTS as readonly string[]).includes(name);
}

export function ListsScreen({ list }: { list: string }) {
  const { t } = useTranslation();
  const current: ListName = isList(list) ? list : 'articles';
  return (
    <section className="list-screen" aria-labelledby="list-title" data-testid={`list-${current}`}>
      <div className="list-head">
        <h1 id="list-title">{t(`screens.lists.${current}.title`)}</h1>
        <RefreshButton category={CATEGORY[current]} />
      </div>
      <nav className="list-tabs" aria-label={t('screens.lists.tabs')}>
        {LISTS.map((l) => {
          const href = routeHref({ name: 'lists', arg: l });
          return (
            <a key={l} href={href} aria-current={l === current ? 'page' : undefined}>
              {t(`screens.lists.${l}.title`)}
            </a>
          );
        })}
      </nav>
      {current === 'articles' && <ArticlesList />}
      {current === 'prices' && <PricesList />}
      {current === 'currencies' && <CurrenciesList />}
      {current === 'clients' && <ClientsList />}
      {current === 'operators' && <OperatorsList />}
    </section>
  );
}
